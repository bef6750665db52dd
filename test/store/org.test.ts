import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LastAdminRemovalError, planAdminChange } from '../../src/org/adminChange.ts';
import { parseOrgFile } from '../../src/org/orgFile.ts';
import { importOrg } from '../../src/store/org.ts';
import { loadPerson } from '../../src/store/people.ts';
import { cli } from '../support/cli.ts';
import { type TempDb, tempDb, tempDir } from '../support/db.ts';

function org(text: string) {
  const parsed = parseOrgFile(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.org;
}

const V1 = org(`
admins: [U0ADMIN]
digest_channel: C0DIGEST
groups:
  - {code: G1, name: 经济组, channel: C0G1, leaders: [U0L1], deputies: [U0D1], liaisons: [U0C1]}
departments:
  - {name: 发展改革委, members: [U0M1]}
`);

let t: TempDb;
afterEach(() => t?.cleanup());

describe('importOrg', () => {
  it('creates, then changes nothing on a second run', () => {
    t = tempDb();
    const first = importOrg(t.db, V1);
    expect(first.groups.created).toEqual(['G1']);
    expect(first.departments.created).toEqual(['发展改革委']);
    expect(first.admins.added).toEqual(['U0ADMIN']);
    const second = importOrg(t.db, V1);
    expect(second.groups).toEqual({ created: [], updated: [], unchanged: ['G1'] });
    expect(second.departments).toEqual({ created: [], updated: [], unchanged: ['发展改革委'] });
    expect(second.admins).toEqual({ added: [], removed: [] });
    const leader = loadPerson(t.db, 'U0L1');
    expect(leader.groupIds.size).toBe(1);
    expect(loadPerson(t.db, 'U0ADMIN').isAdmin).toBe(true);
  });

  it('applies changed people and keeps groups the file does not name', () => {
    t = tempDb();
    importOrg(t.db, V1);
    t.db.$client.prepare("insert into groups (code, name) values ('G9', 'from a ledger')").run();
    const summary = importOrg(
      t.db,
      org(`
admins: [U0NEW]
groups:
  - {code: G1, name: 经济组, channel: C0G1, leaders: [U0L2], deputies: [U0D1], liaisons: [U0C1]}
`),
    );
    expect(summary.groups.updated).toEqual(['G1']);
    expect(summary.admins).toEqual({ added: ['U0NEW'], removed: ['U0ADMIN'] });
    expect(loadPerson(t.db, 'U0L1').groupIds.size).toBe(0);
    expect(loadPerson(t.db, 'U0L2').groupIds.size).toBe(1);
    const g9 = t.db.$client.prepare("select name from groups where code = 'G9'").get() as { name: string };
    expect(g9.name).toBe('from a ledger');
  });
});

describe('importOrg and the admins', () => {
  const adminsOf = (db: TempDb['db']) =>
    (db.$client.prepare('select user_id from admins order by user_id').all() as { user_id: string }[]).map(
      (r) => r.user_id,
    );

  it('leaves the admins as they are when the file has no `admins:` key', () => {
    t = tempDb();
    importOrg(t.db, V1);
    const summary = importOrg(t.db, org('groups:\n  - {code: G1, name: 经济组, leaders: [U0L1]}\n'));
    expect(summary.admins).toEqual({ added: [], removed: [] });
    expect(adminsOf(t.db)).toEqual(['U0ADMIN']);
  });

  it('refuses a file that would remove the last admin, writing nothing of it, unless allowed', () => {
    t = tempDb();
    importOrg(t.db, V1);
    const emptied = org('admins: []\ngroups:\n  - {code: G2, name: 社会组, leaders: [U0L9]}\n');
    expect(() => importOrg(t.db, emptied)).toThrow(LastAdminRemovalError);
    expect(adminsOf(t.db)).toEqual(['U0ADMIN']);
    expect(t.db.$client.prepare("select count(*) as n from groups where code = 'G2'").get()).toEqual({ n: 0 });
    expect(importOrg(t.db, emptied, { allowNoAdmin: true }).admins).toEqual({ added: [], removed: ['U0ADMIN'] });
    expect(adminsOf(t.db)).toEqual([]);
  });

  it('replacing the admins by others is no removal of the last one', () => {
    expect(planAdminChange(['U1', 'U2'], ['U3'])).toEqual({
      added: ['U3'],
      removed: ['U1', 'U2'],
      removesLastAdmin: false,
    });
    expect(planAdminChange([], [])).toEqual({ added: [], removed: [], removesLastAdmin: false });
    expect(planAdminChange(['U1'], undefined)).toEqual({ added: [], removed: [], removesLastAdmin: false });
  });
});

describe('reform-bot import-org and the last admin', () => {
  it('says so in both languages, exits 1, and imports with --allow-no-admin', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'reform.db') };
    const first = join(dir, 'org.yml');
    writeFileSync(first, 'admins: [U0ADMIN]\n');
    expect((await cli(['import-org', first], env)).code).toBe(0);
    const noKey = join(dir, 'no-admins.yml');
    writeFileSync(noKey, 'groups:\n  - {code: G1, name: 经济组}\n');
    const kept = await cli(['import-org', noKey], env);
    expect([kept.code, kept.out.split('\n')[0]]).toEqual([
      0,
      'The file has no `admins:` key: the admins were left as they are.',
    ]);
    const empty = join(dir, 'empty.yml');
    writeFileSync(empty, 'admins: []\n');
    const en = await cli(['import-org', empty], env);
    expect([en.code, en.out]).toEqual([1, '']);
    expect(en.err).toBe(
      `${empty}: \`admins:\` is empty, which would remove the last admin(s) (U0ADMIN) and leave nobody able to manage the bot. Nothing was imported. List at least one admin, or run again with --allow-no-admin if that is really meant.`,
    );
    const zh = await cli(['import-org', empty], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect([zh.code, zh.err]).toEqual([
      1,
      `${empty}：admins 项为空，将移除最后的改革办人员（U0ADMIN），此后无人能管理机器人。未导入任何内容。请至少列出一名改革办人员；确需如此，请加上 --allow-no-admin 重新运行。`,
    ]);
    const allowed = await cli(['import-org', empty, '--allow-no-admin'], env);
    expect([allowed.code, allowed.out]).toEqual([
      0,
      'Groups: 0 created, 0 updated, 0 unchanged. Departments: 0 created, 0 updated, 0 unchanged. Admins: 0 added, 1 removed.',
    ]);
  });
});
