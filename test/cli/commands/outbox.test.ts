// `reform-bot outbox` shows when each message is next tried as the office's clock reads it
// (REFORM_TZ, named in the header), not as a UTC instant; --json keeps ISO instants for scripts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { enqueue } from '../../../src/store/outbox.ts';
import { claimRow } from '../../../src/store/outboxQueue.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

function queuedDb(): string {
  const path = join(tempDir(), 'outbox.db');
  const db = openDatabase(path);
  const at = new Date('2026-12-07T01:00:00Z'); // 09:00 in Beijing
  enqueue(
    db,
    { idempotencyKey: 'reminder:U1:items:2026-12-07', kind: 'reminder', target: 'U1', payload: { text: 'x' } },
    at,
  );
  enqueue(
    db,
    { idempotencyKey: 'reminder:U2:items:2026-12-07', kind: 'reminder', target: 'U2', payload: { text: 'y' } },
    at,
  );
  claimRow(db, 2, new Date('2026-12-07T01:02:00Z'));
  closeDatabase(db);
  return path;
}

describe('reform-bot outbox', () => {
  it('lists times in REFORM_TZ, labelled with the zone, in both languages', async () => {
    const path = queuedDb();
    const en = await cli(['outbox'], { DATABASE_PATH: path });
    expect(en.code).toBe(0);
    expect(en.out).toContain('(Asia/Shanghai)');
    expect(en.out).toMatch(/pending\s+reminder\s+U1\s+0\s+2026-12-07 09:00/);
    expect(en.out).toMatch(/sending\s+reminder\s+U2\s+1\s+2026-12-07 09:02/);
    expect(en.out).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    const zh = await cli(['outbox'], { DATABASE_PATH: path, REFORM_LOCALE: 'zh-CN' });
    expect(zh.out).toContain('（Asia/Shanghai）');
    expect(zh.out).toMatch(/待发送\s+reminder\s+U1\s+0\s+2026-12-07 09:00/);
  });

  it('keeps ISO instants in --json', async () => {
    const json = JSON.parse((await cli(['outbox', '--json'], { DATABASE_PATH: queuedDb() })).out);
    expect(json.rows[0]).toMatchObject({ target: 'U1', nextAttemptAt: '2026-12-07T01:00:00.000Z' });
  });
});
