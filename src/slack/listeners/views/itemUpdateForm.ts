// Reading and checking a submitted status-update modal. Pure: the listener loads the item and the
// person, this decides what to change or which field to point at, and says why in the person's
// language. Every problem is reported at once, each on its own field.
//
// Decisions (README "Using it in Slack", the update form):
// - Marking an item done needs evidence (docs/PRACTICE.md rule 3: updates carry evidence): a
//   note or at least one file. Other changes may go without.
// - Files are checked again although the form's file_input lists the accepted types (it only
//   guides the picker): a file of another type, one without a safe link, or more than Slack's
//   10 is refused on the files field, and nothing is saved (README "Evidence files").
// - A note longer than NOTE_MAX characters is refused, not cut: the ledger keeps what was written.
// - Opened for an item (prefilled), the outcome box shows the ledger's flag: unticking clears it,
//   and the change is refused if someone changed the item meanwhile (version check). Opened
//   blank, the person never saw the flag, so only ticking it changes anything.

import { ACTIONS } from '../../../blocks/ids.ts';
import {
  isItemBlockId,
  itemBlockId,
  OUTCOME_VALUE,
  UPDATE_BLOCKS,
  UPDATE_INPUTS,
  type UpdateMetadata,
} from '../../../blocks/modals/itemUpdate.ts';
import { truncate } from '../../../blocks/mrkdwn.ts';
import { missingEvidence } from '../../../domain/evidence.ts';
import {
  distinctFiles,
  EVIDENCE_FILE_TYPES,
  EVIDENCE_FILES_MAX,
  type EvidenceFile,
  isEvidenceFileType,
} from '../../../domain/evidenceFiles.ts';
import { NOTE_MAX, noteLength } from '../../../domain/notes.ts';
import { mayUpdateItem, type Person } from '../../../domain/permissions.ts';
import { STATUSES, type Status } from '../../../domain/types.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { ItemChange, ItemDetail } from '../../../store/items.ts';
import { type FilesInputReading, readFilesInput } from './evidenceFilesInput.ts';

interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  files?: unknown;
}
export type StateValues = Record<string, Record<string, StateValue>>;

export interface UpdateForm {
  planId?: number;
  itemId?: number;
  /** The item input's block id in this view (it carries the plan): errors must name it. */
  itemBlock: string;
  status?: Status;
  /** Trimmed; undefined when empty. */
  note?: string;
  files: FilesInputReading;
  outcomeTicked: boolean;
}

const id = (raw: string | undefined) => {
  const n = Number(raw);
  return raw && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function readUpdateForm(values: StateValues, metadata: UpdateMetadata): UpdateForm {
  const itemBlock = Object.keys(values).find(isItemBlockId) ?? itemBlockId(metadata.planId);
  const status = values[UPDATE_BLOCKS.status]?.[UPDATE_INPUTS.status]?.selected_option?.value;
  const note = values[UPDATE_BLOCKS.note]?.[UPDATE_INPUTS.note]?.value?.trim();
  const ticked = values[UPDATE_BLOCKS.outcome]?.[UPDATE_INPUTS.outcome]?.selected_options ?? [];
  return {
    planId:
      id(values[UPDATE_BLOCKS.plan]?.[ACTIONS.updatePlanSelect]?.selected_option?.value ?? undefined) ??
      metadata.planId,
    itemId: id(values[itemBlock]?.[ACTIONS.updateItemSelect]?.selected_option?.value ?? undefined),
    itemBlock,
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : undefined,
    note: note ? note : undefined,
    files: readFilesInput(values[UPDATE_BLOCKS.files]?.[UPDATE_INPUTS.files]),
    outcomeTicked: ticked.some((o) => o.value === OUTCOME_VALUE),
  };
}

type PlannedChange = Pick<ItemChange, 'itemId' | 'status' | 'institutionalOutcome' | 'note' | 'expectedVersion'> & {
  files: EvidenceFile[];
};

export type CheckResult = { ok: true; change: PlannedChange } | { ok: false; errors: Record<string, string> };

export interface CheckContext {
  /** The chosen item as stored now; undefined when it does not exist (any more). */
  item: ItemDetail | undefined;
  person: Person;
  metadata: UpdateMetadata;
}

export function checkUpdate(t: Translate, form: UpdateForm, ctx: CheckContext): CheckResult {
  // Error strings are plain text (not mrkdwn): names need no escaping, only a length bound.
  const errors: Record<string, string> = {};
  const { item } = ctx;
  if (form.planId === undefined && form.itemId === undefined) errors[UPDATE_BLOCKS.plan] = t('modal.error.noPlan');
  if (form.itemId === undefined) errors[form.itemBlock] = t('modal.error.noItem');
  else if (!item) errors[form.itemBlock] = t('modal.error.itemNotFound');
  else if (form.planId !== undefined && item.plan.id !== form.planId) {
    errors[form.itemBlock] = t('modal.error.itemNotInPlan', { plan: truncate(item.plan.code, 40) });
  } else {
    const decision = mayUpdateItem(ctx.person, item);
    if (!decision.allowed) {
      const group = item.leadGroup ? truncate(item.leadGroup.name, 200) : t('modal.error.noGroup');
      const departments =
        item.departments.length > 0
          ? truncate(item.departments.map((d) => d.name).join('、'), 400)
          : t('modal.error.noDepartments');
      errors[form.itemBlock] = t('modal.error.notResponsible', { group, departments });
    }
  }
  if (!form.status) errors[UPDATE_BLOCKS.status] = t('modal.error.noStatus');
  const files = distinctFiles(form.files.files);
  const filesProblem = filesError(t, form.files);
  if (filesProblem) errors[UPDATE_BLOCKS.files] = filesProblem;
  const length = form.note ? noteLength(form.note) : 0;
  if (length > NOTE_MAX) errors[UPDATE_BLOCKS.note] = t('modal.error.noteTooLong', { length, max: NOTE_MAX });
  else if (
    form.status &&
    item &&
    !filesProblem &&
    missingEvidence({ from: item.status, to: form.status, note: form.note, fileCount: files.length })
  )
    errors[UPDATE_BLOCKS.note] = t('modal.error.noteRequired');

  if (Object.keys(errors).length > 0 || !item) return { ok: false, errors };
  const prefilled = ctx.metadata.itemId === item.id;
  return {
    ok: true,
    change: {
      itemId: item.id,
      status: form.status,
      institutionalOutcome: prefilled ? form.outcomeTicked : form.outcomeTicked ? true : undefined,
      note: form.note,
      files,
      expectedVersion: prefilled ? ctx.metadata.version : undefined,
    },
  };
}

/** What is wrong with the attached files, all of it in one message; undefined when nothing is. */
function filesError(t: Translate, reading: FilesInputReading): string | undefined {
  const problems: string[] = [];
  if (reading.sent > EVIDENCE_FILES_MAX)
    problems.push(t('modal.error.tooManyFiles', { count: reading.sent, max: EVIDENCE_FILES_MAX }));
  for (const name of reading.unreadable.slice(0, 3))
    problems.push(t('modal.error.fileUnreadable', { name: truncate(name, 80) }));
  const wrongType = reading.files.filter((f) => !isEvidenceFileType(f.name)).map((f) => truncate(f.name, 80));
  if (wrongType.length > 0)
    problems.push(t('modal.error.fileType', { names: wrongType.join('、'), types: EVIDENCE_FILE_TYPES.join(', ') }));
  // Slack shows an error under its field; 2,000 characters is more than any of these needs.
  return problems.length > 0 ? truncate(problems.join(' '), 2000) : undefined;
}
