// Evidence files (佐证材料, docs/PRACTICE.md rule 11, README "Evidence files"): what an update may carry besides its note, and
// which files the office takes as evidence. Slack keeps the file; the ledger keeps its id, name
// and permalink, so the history can point at the issued document, a photo or a scan.
//
// Why the type is checked again on submission: Slack's `filetypes` on the form only guides the
// file picker ("provided for convenience only", the file_input element's reference).

/** Slack's file_input takes at most 10 files (its max_files is 1 to 10). */
export const EVIDENCE_FILES_MAX = 10;

/**
 * Documents, photos and scans: PDF and OFD (the format of Chinese electronic official documents),
 * Word and WPS, spreadsheets and slides (a plan's ledger or a briefing), plain and rich text,
 * camera photos (HEIC from phones) and scanner output (TIFF, BMP).
 */
export const EVIDENCE_FILE_TYPES = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
  'pptx',
  'dps',
  'txt',
  'rtf',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'heic',
  'heif',
  'webp',
  'tif',
  'tiff',
  'bmp',
] as const;

/** Longest name and permalink kept; Slack's are far shorter, a longer one is not Slack's. */
export const EVIDENCE_NAME_MAX = 255;
export const EVIDENCE_PERMALINK_MAX = 500;

/** One file as the ledger keeps it. */
export interface EvidenceFile {
  /** Slack's file id (`F…`). */
  slackFileId: string;
  name: string;
  permalink: string;
  mimetype: string | null;
  /** Bytes, when Slack said. */
  size: number | null;
}

/** The extension of a file name, lower case (`报告.PDF` → `pdf`), or '' without one. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isEvidenceFileType(name: string): boolean {
  return (EVIDENCE_FILE_TYPES as readonly string[]).includes(extensionOf(name));
}

/**
 * A permalink goes into mrkdwn as `<permalink|name>`: only an https address without spaces or
 * the characters that end or split a link (`<`, `>`, `|`) can be written there safely.
 */
export function isSafePermalink(url: string): boolean {
  return url.length <= EVIDENCE_PERMALINK_MAX && /^https:\/\/[^\s<>|]+$/.test(url);
}

/** Files repeated within one submission count once (by Slack file id), in the order given. */
export function distinctFiles(files: readonly EvidenceFile[]): EvidenceFile[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    if (seen.has(f.slackFileId)) return false;
    seen.add(f.slackFileId);
    return true;
  });
}
