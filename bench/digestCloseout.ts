// The weekly digest and the close-out sweep over a 10,000-plan / 250,000-item ledger, in process:
// the time to gather and build every digest message, and to find the plans ready to close out.
// Target: each under one second. Run alone: `node --import tsx bench/digestCloseout.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.ts';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { CN_CALENDAR } from '../src/domain/calendars/cn.ts';
import { gatherDigest } from '../src/jobs/digest.ts';
import { digestHeadline, digestReplies } from '../src/slack/ui/messages/digest.ts';
import { findNewCloseoutCandidates } from '../src/store/closeout.ts';
import { median } from './lib/measure.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import { type BenchRow, renderText } from './lib/table.ts';

function timed(f: () => unknown, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

export async function benchDigestCloseout(dir: string): Promise<BenchRow[]> {
  const path = join(dir, 'digest-10000.db');
  writeSyntheticLedger(path, { plans: 10_000, items: 250_000, around: '2026-11-30' });
  const db = openDatabase(path);
  const config = parseConfig({});
  let messages = 0;
  const digestMs = timed(() => {
    const data = gatherDigest(db, '2026-11-30', CN_CALENDAR, config);
    messages = 1 + digestReplies('zh-CN', data).length;
    digestHeadline('zh-CN', data);
  });
  let ready = 0;
  const closeoutMs = timed(() => {
    ready = findNewCloseoutCandidates(db).length;
  });
  closeDatabase(db);
  return [
    { section: 'digest', measure: `250,000 items: gather + build (${messages} messages)`, figure: `${digestMs.toFixed(0)} ms`, target: '< 1000 ms', met: digestMs < 1000 },
    { section: 'close-out', measure: `250,000 items: sweep (${ready} plans ready)`, figure: `${closeoutMs.toFixed(0)} ms`, target: '< 1000 ms', met: closeoutMs < 1000 },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-digest-'));
  try {
    process.stdout.write(`${renderText(await benchDigestCloseout(dir))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
