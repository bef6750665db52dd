// A Chinese reader sees Chinese: the CLI's output in zh-CN carries no English keys such as
// `period:` or `doneRate:` (the run command printed its job's details that way). Every command
// that reports on the ledger or the outbox runs here against the seed ledger, its help too.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_ENTRIES } from '../../../src/cli/commands/index.ts';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { settings } from '../../../src/db/schema.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';
import { seedDb } from '../../support/seedLedgerDb.ts';

const commands = COMMAND_ENTRIES;

/** `word:` in ASCII: an English key or label left in the output. */
const ENGLISH_KEY = /\b[a-z][A-Za-z]+:/;

let path: string;
beforeAll(() => {
  path = join(tempDir(), 'zh.db');
  closeDatabase(seedDb(undefined, path).db);
});

function setDigestChannel(channel: string): void {
  const db = openDatabase(path);
  db.insert(settings).values({ key: 'digest_channel', value: channel }).run();
  closeDatabase(db);
}

describe('zh-CN CLI output', () => {
  it('has no English `key:` labels', async () => {
    const runs: string[][] = [
      ['stats', '--as-of', '2016-06-30'],
      ['run', 'digest', '--at', '2016-07-04', '--queue-only'], // no digest channel yet: skipped
      ['run', 'reminders', '--at', '2016-07-04', '--queue-only'],
      ['run', 'reminders', '--at', '2016-07-03', '--queue-only'], // a Sunday: skipped
      ['run', 'followups', '--at', '2016-07-04T10:00:00+08:00', '--queue-only'],
      ['run', 'closeout', '--at', '2016-07-04', '--queue-only'],
      ['run', 'closeout', '--at', '2016-07-03', '--queue-only'],
      ['outbox'],
      ['outbox', '--failed'],
      ['round', 'create', '--kind', 'mid-year', '--as-of', '2016-06-30'],
      ['round', 'list'],
      ['round', 'show', '1'],
      ['round', 'notify', '1'],
      ['central', 'add', '--title', '关于深化改革的意见', '--passed-on', '2016-06-20', '--group', 'G1'],
      ['central', 'list'],
      ['run', 'followups', '--at', '2016-07-04T10:00:00+08:00', '--queue-only'],
      ['plan', 'close', 'SC-FA-001'],
      ...commands.map((c) => [...c.name.split(' '), '--help']),
      ['round'],
    ];
    const seen: string[] = [];
    const check = async (argv: string[]) => {
      const result = await cli(argv, { DATABASE_PATH: path, REFORM_LOCALE: 'zh-CN' });
      const lines = `${result.out}\n${result.err}`.split('\n');
      seen.push(...lines);
      const english = lines.filter((line) => ENGLISH_KEY.test(line));
      expect(english, argv.join(' ')).toEqual([]);
    };
    for (const argv of runs) await check(argv);
    setDigestChannel('CDIGEST');
    await check(['run', 'digest', '--at', '2016-07-04', '--queue-only']); // posted
    await check(['run', 'digest', '--at', '2016-07-05', '--queue-only']); // already posted this week
    // The checks above saw the job details, not empty output.
    expect(seen.join('\n')).toContain('周次：2016-W27');
    expect(seen.join('\n')).toContain('未运行：非工作日');
    expect(seen.join('\n')).toContain('未运行：本周已发布');
    expect(seen.join('\n')).toContain('未运行：未设周报频道');
  });
});
