// Evidence files for tests (README "Evidence files"): Slack's file objects as a file_input sends
// them (the shape of test/fixtures/slack-payloads/views/item-update-submit-with-files.json), and
// the largest files the bot keeps, for Block Kit limit tests.
import { EVIDENCE_FILES_MAX, EVIDENCE_NAME_MAX, EVIDENCE_PERMALINK_MAX } from '../../src/domain/evidenceFiles.ts';

/** A file object as Slack puts it in `view.state.values[…][…].files` (the fields the bot reads, and some it ignores). */
export function slackFile(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const slug = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
  return {
    id,
    created: 1467252000,
    timestamp: 1467252000,
    name,
    title: name,
    mimetype: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
    filetype: name.slice(name.lastIndexOf('.') + 1),
    user: 'UNDRC1',
    user_team: 'T0REFORM',
    size: 482113,
    mode: 'hosted',
    is_external: false,
    is_public: false,
    url_private: `https://files.slack.com/files-pri/T0REFORM-${id}/${slug}`,
    url_private_download: `https://files.slack.com/files-pri/T0REFORM-${id}/download/${slug}`,
    permalink: `https://reform-office.slack.com/files/UNDRC1/${id}/${slug}`,
    permalink_public: `https://slack-files.com/T0REFORM-${id}-0a1b2c3d4e`,
    channels: [],
    groups: [],
    ims: [],
    has_rich_preview: false,
    file_access: 'visible',
    ...extra,
  };
}

/** The file_input's state value. */
export const fileInputValue = (files: Record<string, unknown>[]) => ({ type: 'file_input', files });

/** Ten files (Slack's most) with the longest name and permalink the bot keeps, names with markup. */
export const LARGEST_FILES = Array.from({ length: EVIDENCE_FILES_MAX }, (_, i) => {
  const link = `https://reform-office.slack.com/files/U0123ABCD/F0${i}ABCDEFGH/`;
  return {
    slackFileId: `F0${i}ABCDEFGH`,
    name: `${`<!channel> & ${'佐证材料'.repeat(80)}`.slice(0, EVIDENCE_NAME_MAX - 4)}.pdf`,
    permalink: link + 'x'.repeat(EVIDENCE_PERMALINK_MAX - link.length),
    mimetype: 'application/pdf',
    size: 10_000_000,
  };
});
