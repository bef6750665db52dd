// Reading the update form's file_input (README "Evidence files"). Slack puts the uploaded files in
// `view.state.values[block][action].files`, each a file object like files.info's (id, name,
// permalink, mimetype, size, url_private …; test/fixtures/slack-payloads/README.md names the
// sources). The permalink is there, so the bot needs no files.info call. Pure.
import { z } from 'zod';
import { EVIDENCE_NAME_MAX, type EvidenceFile, isSafePermalink } from '../../../domain/evidenceFiles.ts';

/** Only what the ledger keeps; Slack's other fields are ignored. */
const slackFileSchema = z.object({
  id: z.string().regex(/^F[A-Z0-9]{2,40}$/),
  name: z.string().trim().min(1).max(EVIDENCE_NAME_MAX),
  permalink: z.string().refine(isSafePermalink),
  mimetype: z.string().max(255).nullish(),
  size: z.number().int().nonnegative().nullish(),
});

export interface FilesInputReading {
  /** Files read whole, in the order Slack sent them. */
  files: EvidenceFile[];
  /** Files that could not be read (no id, no safe link): their name, or their id, or '?'. */
  unreadable: string[];
  /** How many files Slack sent. */
  sent: number;
}

function labelOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '?';
  const { name, id } = raw as { name?: unknown; id?: unknown };
  if (typeof name === 'string' && name.trim() !== '') return name;
  return typeof id === 'string' && id !== '' ? id : '?';
}

/** The file input's state value (`{ type: 'file_input', files: [...] }`), or nothing when absent. */
export function readFilesInput(value: { files?: unknown } | undefined): FilesInputReading {
  const sent = Array.isArray(value?.files) ? (value.files as unknown[]) : [];
  const files: EvidenceFile[] = [];
  const unreadable: string[] = [];
  for (const raw of sent) {
    const parsed = slackFileSchema.safeParse(raw);
    if (!parsed.success) {
      unreadable.push(labelOf(raw));
      continue;
    }
    const f = parsed.data;
    files.push({
      slackFileId: f.id,
      name: f.name,
      permalink: f.permalink,
      mimetype: f.mimetype ?? null,
      size: f.size ?? null,
    });
  }
  return { files, unreadable, sent: sent.length };
}
