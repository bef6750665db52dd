// Evidence files kept with the item change they came with (README "Evidence files"): linked to
// the change's history row, stored once per change whatever Slack redelivers, read back newest
// first for the card and the round self-check.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { itemEvidenceFiles } from '../../src/db/schema.ts';
import type { EvidenceFile } from '../../src/domain/evidenceFiles.ts';
import { applyQueuedChange } from '../../src/slack/saveItemChange.ts';
import { listQueued, type QueuedChange, queueChange } from '../../src/spool/changeSpool.ts';
import {
  EvidenceFilesRefusedError,
  evidenceOfItem,
  evidenceOfItems,
  fileCountsOfChanges,
} from '../../src/store/evidenceFiles.ts';
import { changeItem, EVIDENCE_FILES_FIELD, findItem, recentHistory } from '../../src/store/items.ts';
import { type TempDb, tempDb } from '../support/db.ts';

let t: TempDb;
let itemId: number;
const at = new Date('2016-06-30T02:00:00Z');
const file = (id: string, name: string): EvidenceFile => ({
  slackFileId: id,
  name,
  permalink: `https://reform-office.slack.com/files/UNDRC1/${id}/x`,
  mimetype: 'application/pdf',
  size: 1000,
});

beforeEach(() => {
  t = tempDb();
  const sql = t.db.$client;
  sql.prepare("insert into plans (code, title, domain) values ('P1', '方案一', 'economic')").run();
  sql.prepare("insert into items (plan_id, code, title, status) values (1, '3', '事项三', 'started')").run();
  itemId = (findItem(t.db, 'P1', '3') as { id: number }).id;
});
afterEach(() => t.cleanup());

const rows = () => t.db.select().from(itemEvidenceFiles).all();

describe('evidence files with an item change', () => {
  it('keeps each file linked to the change’s history row, with who and when', () => {
    const result = changeItem(t.db, {
      itemId,
      status: 'done',
      files: [file('F0DOC1', '实施细则.pdf'), file('F0IMG2', '会议.jpg')],
      actor: 'UNDRC1',
      source: 'slack',
      at,
      requestKey: 'view:V1',
    });
    expect(result.kind).toBe('applied');
    const [status] = recentHistory(t.db, itemId);
    expect(status).toMatchObject({ field: 'status', toValue: 'done' });
    expect(rows()).toEqual([
      expect.objectContaining({
        historyId: status?.id,
        slackFileId: 'F0DOC1',
        name: '实施细则.pdf',
        addedBy: 'UNDRC1',
      }),
      expect.objectContaining({
        historyId: status?.id,
        slackFileId: 'F0IMG2',
        mimetype: 'application/pdf',
        size: 1000,
      }),
    ]);
    expect(rows()[0]?.addedAt).toBe(at.toISOString());
    expect(fileCountsOfChanges(t.db, [status?.id as number])).toEqual(new Map([[status?.id, 2]]));
  });

  it('a redelivered change (same request key) stores its files once', () => {
    const change = {
      itemId,
      status: 'done' as const,
      files: [file('F0DOC1', 'a.pdf'), file('F0DOC2', 'b.pdf')],
      actor: 'UNDRC1',
      source: 'slack' as const,
      at,
      requestKey: 'view:V1',
    };
    expect(changeItem(t.db, change).kind).toBe('applied');
    expect(changeItem(t.db, change).kind).toBe('duplicate');
    expect(rows()).toHaveLength(2);
  });

  it('files alone, nothing else changed, are a change of their own in the history', () => {
    const result = changeItem(t.db, {
      itemId,
      files: [file('F0DOC1', 'a.pdf')],
      actor: 'UNDRC1',
      source: 'slack',
      at,
    });
    expect(result.kind).toBe('applied');
    const [entry] = recentHistory(t.db, itemId);
    expect(entry).toMatchObject({ field: EVIDENCE_FILES_FIELD, toValue: '1' });
    expect(rows()[0]?.historyId).toBe(entry?.id);
    expect(findItem(t.db, 'P1', '3')?.version).toBe(2);
  });

  it('refuses, saving nothing, files no path should have let through', () => {
    const change = { itemId, status: 'done' as const, actor: 'U1', source: 'slack' as const, at };
    const eleven = Array.from({ length: 11 }, (_, i) => file(`F0D${i}`, `${i}.pdf`));
    expect(() => changeItem(t.db, { ...change, files: eleven })).toThrow(EvidenceFilesRefusedError);
    const unsafe = { ...file('F0D1', 'a.pdf'), permalink: 'https://x|<!channel>' };
    expect(() => changeItem(t.db, { ...change, files: [unsafe] })).toThrow(EvidenceFilesRefusedError);
    expect(recentHistory(t.db, itemId)).toHaveLength(0);
    expect(rows()).toHaveLength(0);
  });

  it('reads an item’s files newest first with their total, and several items’ at once', () => {
    for (let i = 0; i < 3; i++) {
      changeItem(t.db, { itemId, files: [file(`F0D${i}`, `${i}.pdf`)], actor: 'U1', source: 'slack', at });
    }
    expect(evidenceOfItem(t.db, itemId, 2)).toMatchObject({
      files: [{ slackFileId: 'F0D2' }, { slackFileId: 'F0D1' }],
      total: 3,
    });
    expect(evidenceOfItem(t.db, itemId, 10).total).toBe(3);
    expect(
      evidenceOfItems(t.db, [itemId, 999])
        .get(itemId)
        ?.map((f) => f.name),
    ).toEqual(['2.pdf', '1.pdf', '0.pdf']);
  });
});

describe('evidence files of a change queued while the database was busy', () => {
  it('are kept in the queued change and stored when it is applied', () => {
    const folder = join(t.dir, 'test.db.pending');
    const files = [file('F0DOC1', '实施细则.pdf'), { ...file('F0IMG2', '照片.jpg'), mimetype: null, size: null }];
    queueChange(folder, {
      v: 1,
      requestKey: 'view:VQ1',
      itemId,
      status: 'done',
      files,
      actor: 'UNDRC1',
      at: at.toISOString(),
    });
    const [queued] = listQueued(folder);
    expect(queued?.change.files).toEqual(files);
    expect(applyQueuedChange({ db: t.db, config: parseConfig({}) }, queued?.change as QueuedChange).kind).toBe(
      'applied',
    );
    expect(rows().map((r) => [r.slackFileId, r.name, r.mimetype])).toEqual([
      ['F0DOC1', '实施细则.pdf', 'application/pdf'],
      ['F0IMG2', '照片.jpg', null],
    ]);
  });
});
