import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listQueued,
  type QueuedChange,
  queueChange,
  removeQueued,
  spoolFolderOf,
} from '../../src/spool/changeSpool.ts';

const change = (requestKey: string, at: string): QueuedChange => ({
  v: 1,
  requestKey,
  itemId: 3,
  status: 'done',
  actor: 'U1',
  at,
  note: '印发 & <文件>',
});

describe('the queue of changes saved while the database was busy', () => {
  it('keeps one file per request key, private, listed oldest first, removed once saved', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'reform-spool-')), 'db.sqlite.pending');
    expect(queueChange(folder, change('action:2', '2026-12-03T01:00:02Z'))).toBe(true);
    expect(queueChange(folder, change('action:1', '2026-12-03T01:00:01Z'))).toBe(true);
    // Slack's redelivery of the same click: not queued a second time.
    expect(queueChange(folder, change('action:1', '2026-12-03T01:00:09Z'))).toBe(false);
    const queued = listQueued(folder);
    expect(queued.map((q) => q.change.requestKey)).toEqual(['action:1', 'action:2']);
    expect(queued[0]!.change.note).toBe('印发 & <文件>');
    expect(statSync(queued[0]!.file).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    removeQueued(queued[0]!.file);
    expect(listQueued(folder)).toHaveLength(1);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('moves an unreadable file aside and reports it instead of failing the others', () => {
    const folder = mkdtempSync(join(tmpdir(), 'reform-spool-'));
    queueChange(folder, change('action:1', '2026-12-03T01:00:01Z'));
    writeFileSync(join(folder, 'broken.json'), '{"v":1,"requestKey":');
    const reported: string[] = [];
    expect(listQueued(folder, (file) => reported.push(file))).toHaveLength(1);
    expect(reported).toEqual([join(folder, 'broken.json')]);
    expect(readdirSync(join(folder, 'unreadable'))).toEqual(['broken.json']);
  });

  it('has no folder for an in-memory database', () => {
    expect(spoolFolderOf(':memory:')).toBeUndefined();
    expect(spoolFolderOf('/srv/reform/bot.db')).toBe('/srv/reform/bot.db.pending');
  });
});
