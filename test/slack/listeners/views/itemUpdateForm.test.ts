// Reading and checking a submitted status-update modal: every rule, and who may update what
// (roles x the update action), without Slack in the way.
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../../src/blocks/ids.ts';
import {
  itemBlockId,
  NOTE_MAX,
  OUTCOME_VALUE,
  UPDATE_BLOCKS,
  UPDATE_INPUTS,
} from '../../../../src/blocks/modals/itemUpdate.ts';
import type { Person } from '../../../../src/domain/permissions.ts';
import { translator } from '../../../../src/i18n/index.ts';
import {
  checkUpdate,
  readUpdateForm,
  type StateValues,
  type UpdateForm,
} from '../../../../src/slack/listeners/views/itemUpdateForm.ts';
import type { ItemDetail } from '../../../../src/store/items.ts';
import { fileInputValue, slackFile } from '../../../support/evidenceFiles.ts';

const t = translator('en');
const item: ItemDetail = {
  id: 7,
  code: '3',
  title: 'Publish the list',
  dueOn: '2016-06-30',
  originalDueOn: null,
  status: 'started',
  institutionalOutcome: true,
  note: null,
  version: 4,
  plan: { id: 1, code: 'P1', title: 'Plan', domain: 'economic', stage: 'issued', closedOn: null },
  leadGroup: { id: 10, code: 'G1', name: 'Economic group' },
  cooperatingDepartments: [],
  departments: [
    { id: 20, name: 'NDRC' },
    { id: 21, name: 'Finance' },
  ],
};
const person = (p: Partial<Person> = {}): Person => ({
  userId: 'U1',
  isAdmin: false,
  groupIds: new Set(),
  departmentIds: new Set([20]),
  ...p,
});
const form = (f: Partial<UpdateForm> = {}): UpdateForm => ({
  planId: 1,
  itemId: 7,
  itemBlock: itemBlockId(1),
  status: 'started',
  note: 'progress',
  files: { files: [], unreadable: [], sent: 0 },
  outcomeTicked: false,
  ...f,
});
const NO_FILES = { files: [], unreadable: [], sent: 0 };

describe('readUpdateForm', () => {
  it('reads every input, finding the item block whatever plan it carries', () => {
    const values: StateValues = {
      [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: { selected_option: { value: '1' } } },
      [itemBlockId(1)]: { [ACTIONS.updateItemSelect]: { selected_option: { value: '7' } } },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: { selected_option: { value: 'done' } } },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: { value: '  evidence \n' } },
      [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: { selected_options: [{ value: OUTCOME_VALUE }] } },
    };
    expect(readUpdateForm(values, {})).toEqual({
      planId: 1,
      itemId: 7,
      itemBlock: itemBlockId(1),
      status: 'done',
      note: 'evidence',
      files: NO_FILES,
      outcomeTicked: true,
    });
  });

  it('treats missing, empty and foreign values as not given', () => {
    const values: StateValues = {
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: { selected_option: { value: 'finished' } } },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: { value: '   ' } },
    };
    expect(readUpdateForm(values, { planId: 3 })).toEqual({
      planId: 3,
      itemId: undefined,
      itemBlock: itemBlockId(3),
      status: undefined,
      note: undefined,
      files: NO_FILES,
      outcomeTicked: false,
    });
  });
});

describe('checkUpdate', () => {
  const ok = (f: UpdateForm, metadata = {}) => checkUpdate(t, f, { item, person: person(), metadata });

  it('turns a valid blank-form submission into a change that never clears the outcome flag', () => {
    expect(ok(form())).toEqual({
      ok: true,
      change: {
        itemId: 7,
        status: 'started',
        institutionalOutcome: undefined,
        note: 'progress',
        files: [],
        expectedVersion: undefined,
      },
    });
    expect(ok(form({ outcomeTicked: true }))).toMatchObject({ change: { institutionalOutcome: true } });
  });

  it('prefilled for this item: the box is the flag, and the version shown is expected', () => {
    expect(ok(form(), { itemId: 7, version: 4 })).toMatchObject({
      change: { institutionalOutcome: false, expectedVersion: 4 },
    });
    // Prefilled for another item, then the person picked this one: blank-form rules.
    expect(ok(form(), { itemId: 8, version: 9 })).toMatchObject({
      change: { institutionalOutcome: undefined, expectedVersion: undefined },
    });
  });

  it('needs a note to mark an item done, but not to keep a done item done', () => {
    expect(ok(form({ status: 'done', note: undefined }))).toEqual({
      ok: false,
      errors: { [UPDATE_BLOCKS.note]: t('modal.error.noteRequired') },
    });
    const doneItem = { ...item, status: 'done' as const };
    expect(
      checkUpdate(t, form({ status: 'done', note: undefined, outcomeTicked: true }), {
        item: doneItem,
        person: person(),
        metadata: {},
      }).ok,
    ).toBe(true);
  });

  it('refuses a note over the limit, counting characters not bytes', () => {
    expect(ok(form({ note: '证'.repeat(NOTE_MAX) })).ok).toBe(true);
    expect(ok(form({ note: '证'.repeat(NOTE_MAX + 1) }))).toEqual({
      ok: false,
      errors: { [UPDATE_BLOCKS.note]: t('modal.error.noteTooLong', { length: NOTE_MAX + 1, max: NOTE_MAX }) },
    });
  });

  it('reports every problem at once, each on its own field', () => {
    const result = checkUpdate(
      t,
      form({ planId: undefined, itemId: undefined, itemBlock: itemBlockId(undefined), status: undefined }),
      { item: undefined, person: person(), metadata: {} },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [UPDATE_BLOCKS.plan]: 'Choose a plan.',
        [itemBlockId(undefined)]: 'Choose an item.',
        [UPDATE_BLOCKS.status]: 'Choose a status.',
      },
    });
  });

  it('accepts an item picked by reference without a plan', () => {
    expect(ok(form({ planId: undefined, itemBlock: itemBlockId(undefined) })).ok).toBe(true);
  });

  it('refuses an item that does not exist or belongs to another plan', () => {
    expect(checkUpdate(t, form(), { item: undefined, person: person(), metadata: {} })).toEqual({
      ok: false,
      errors: { [itemBlockId(1)]: t('modal.error.itemNotFound') },
    });
    expect(ok(form({ planId: 2, itemBlock: itemBlockId(2) }))).toEqual({
      ok: false,
      errors: { [itemBlockId(2)]: 'This item is not in plan P1. Choose the item again.' },
    });
  });

  describe('who may update the item (roles x update)', () => {
    const table: [string, Person, boolean][] = [
      ['office admin', person({ isAdmin: true, departmentIds: new Set() }), true],
      [
        'leader, deputy or liaison of the lead group',
        person({ groupIds: new Set([10]), departmentIds: new Set() }),
        true,
      ],
      ['member of a responsible department', person({ departmentIds: new Set([21]) }), true],
      ['member of another group', person({ groupIds: new Set([11]), departmentIds: new Set() }), false],
      ['member of another department', person({ departmentIds: new Set([99]) }), false],
      ['anyone else', person({ departmentIds: new Set() }), false],
    ];
    for (const [role, who, allowed] of table) {
      it(`${role}: ${allowed ? 'allowed' : 'refused, saying who may'}`, () => {
        const result = checkUpdate(t, form(), { item, person: who, metadata: {} });
        if (allowed) expect(result.ok).toBe(true);
        else {
          expect(result).toEqual({
            ok: false,
            errors: {
              [itemBlockId(1)]:
                'You may not update this item. Only office admins, the leaders, deputies and liaisons of Economic group, and members of NDRC、Finance may.',
            },
          });
        }
      });
    }

    it('names the lack of group and departments when the item has none', () => {
      const orphan = { ...item, leadGroup: null, departments: [] };
      const result = checkUpdate(translator('zh-CN'), form(), { item: orphan, person: person(), metadata: {} });
      expect(result).toEqual({
        ok: false,
        errors: { [itemBlockId(1)]: expect.stringContaining('（无牵头专项小组）') },
      });
    });
  });
});

describe('evidence files on the form', () => {
  const withFiles = (files: Record<string, unknown>[], status = 'done'): StateValues => ({
    [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: { selected_option: { value: '1' } } },
    [itemBlockId(1)]: { [ACTIONS.updateItemSelect]: { selected_option: { value: '7' } } },
    [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: { selected_option: { value: status } } },
    [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: { value: null } },
    [UPDATE_BLOCKS.files]: { [UPDATE_INPUTS.files]: fileInputValue(files) },
  });
  const check = (values: StateValues) =>
    checkUpdate(t, readUpdateForm(values, {}), { item, person: person(), metadata: {} });

  it('reads id, name, permalink, mimetype and size of each file Slack sent', () => {
    const sent = slackFile('F0DOC1', '实施细则.pdf', { size: 1234 });
    const form = readUpdateForm(withFiles([sent]), {});
    expect(form.files).toEqual({
      files: [
        {
          slackFileId: 'F0DOC1',
          name: '实施细则.pdf',
          permalink: sent.permalink,
          mimetype: 'application/pdf',
          size: 1234,
        },
      ],
      unreadable: [],
      sent: 1,
    });
  });

  it('a file is evidence enough to mark an item done without a note', () => {
    const result = check(withFiles([slackFile('F0DOC1', 'notice.pdf'), slackFile('F0IMG2', 'meeting.JPG')]));
    expect(result).toMatchObject({ ok: true, change: { status: 'done', note: undefined } });
    if (result.ok) expect(result.change.files.map((f) => f.slackFileId)).toEqual(['F0DOC1', 'F0IMG2']);
  });

  it('the same file twice in one submission is kept once', () => {
    const result = check(withFiles([slackFile('F0DOC1', 'notice.pdf'), slackFile('F0DOC1', 'notice.pdf')]));
    expect(result.ok && result.change.files.length).toBe(1);
  });

  it('refuses a file that is not a document, photo or scan, naming it, on the files field', () => {
    const result = check(withFiles([slackFile('F0DOC1', 'notice.pdf'), slackFile('F0EXE2', 'setup.exe')]));
    expect(result).toEqual({
      ok: false,
      errors: { [UPDATE_BLOCKS.files]: expect.stringContaining('Not a document, photo or scan: setup.exe.') },
    });
  });

  it('refuses a file without a safe https permalink, or without an id, and then asks no note', () => {
    for (const bad of [
      slackFile('F0DOC1', 'notice.pdf', { permalink: 'javascript:alert(1)' }),
      slackFile('F0DOC1', 'notice.pdf', { permalink: 'https://x.slack.com/a|<!channel>' }),
      slackFile('F0DOC1', 'notice.pdf', { permalink: undefined }),
      slackFile('', 'notice.pdf'),
    ]) {
      expect(check(withFiles([bad]))).toEqual({
        ok: false,
        errors: { [UPDATE_BLOCKS.files]: t('modal.error.fileUnreadable', { name: 'notice.pdf' }) },
      });
    }
  });

  it('refuses more than Slack’s 10 files', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => slackFile(`F0DOC${i}`, `n${i}.pdf`));
    expect(check(withFiles(eleven))).toEqual({
      ok: false,
      errors: { [UPDATE_BLOCKS.files]: t('modal.error.tooManyFiles', { count: 11, max: 10 }) },
    });
  });

  it('without files or note, done is still refused on the note', () => {
    expect(check(withFiles([]))).toEqual({
      ok: false,
      errors: { [UPDATE_BLOCKS.note]: t('modal.error.noteRequired') },
    });
  });
});
