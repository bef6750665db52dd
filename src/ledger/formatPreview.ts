// How the file was read and what the import did (or would do), as a terminal reads it: short
// tables of the header mapping, the date and status words, the section rows, skipped rows and
// filled cells, then every change item by item. Long lists stop at MAX_LISTED; `--json` gives
// everything as data.
import { renderTable } from '../cli/textTable.ts';
import type { Translate } from '../i18n/index.ts';
import type { LedgerImportSummary } from '../store/ledgerImport.ts';
import type { ItemChange } from '../store/ledgerItems.ts';
import { COLUMN_SPECS, type HeaderLanguage } from './columns.ts';
import { columnLetter, type HeaderMap } from './header.ts';
import type { ReadingReport } from './readingReport.ts';

export const MAX_LISTED = 50;

/** `3–5, 8`: line numbers as ranges. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  let start = lines[0];
  let end = start;
  for (const line of [...lines.slice(1), Number.NaN]) {
    if (line === (end as number) + 1) {
      end = line;
      continue;
    }
    if (start !== undefined) parts.push(start === end ? String(start) : `${start}–${end}`);
    start = end = line;
  }
  return parts.join(', ');
}

const clip = (text: string, max = 40) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

function limited<T>(list: readonly T[], t: Translate, render: (items: readonly T[]) => string[]): string[] {
  const lines = render(list.slice(0, MAX_LISTED));
  if (list.length > MAX_LISTED) lines.push(t('preview.more', { count: list.length - MAX_LISTED }));
  return lines;
}

export function readingLines(
  report: ReadingReport,
  header: HeaderMap,
  t: Translate,
  language: HeaderLanguage,
): string[] {
  const out: string[] = [];
  const columnName = (column: keyof typeof COLUMN_SPECS) => (language === 'zh' ? COLUMN_SPECS[column].zh : column);
  if (report.sheet !== null) out.push(t('preview.sheet', { sheet: report.sheet }));
  if (report.otherSheets.length > 0) {
    const list = report.otherSheets
      .map((s) => t('preview.sheetWithReason', { name: s.name, reason: t(`preview.sheetReason.${s.reason}`) }))
      .join(t('ledger.list.separator'));
    out.push(t('preview.otherSheets', { list }));
  }
  out.push('', t('preview.header', { lines: lineRanges(header.lines) }));
  out.push(
    renderTable(
      [t('preview.col.cell'), t('preview.col.header'), t('preview.col.readAs')],
      header.cells.map((c) => [
        columnLetter(c.position),
        clip(c.text.replace(/\s+/g, ' ')),
        c.column ? columnName(c.column) : t('preview.ignored'),
      ]),
    ),
  );
  if (report.dates.length > 0) {
    out.push('', t('preview.dates'));
    out.push(
      ...limited(report.dates, t, (dates) => [
        renderTable(
          [t('preview.col.text'), t('preview.col.date'), t('preview.col.rows'), t('preview.col.firstRow')],
          dates.map((d) => [
            d.text === null ? t('preview.excelDates') : d.text === '' ? t('preview.emptyCell') : clip(d.text),
            d.text === null ? '' : (d.date ?? t('preview.noDeadline')),
            d.count,
            d.firstLine,
          ]),
          ['left', 'left', 'right', 'right'],
        ),
      ]),
    );
  }
  if (report.statuses.length > 0) {
    out.push('', t('preview.statuses'));
    out.push(
      ...limited(report.statuses, t, (words) => [
        renderTable(
          [t('preview.col.word'), t('preview.col.status'), t('preview.col.rows'), t('preview.col.firstRow')],
          words.map((w) => {
            const status = t(`status.${w.status}`);
            return [clip(w.text), w.custom ? t('preview.customWord', { status }) : status, w.count, w.firstLine];
          }),
          ['left', 'left', 'right', 'right'],
        ),
      ]),
    );
  }
  if (report.sections.length > 0) {
    out.push('', t('preview.sections'));
    out.push(
      renderTable(
        [t('preview.col.row'), t('preview.col.text'), t('preview.col.group'), t('preview.col.domain')],
        report.sections.map((s) => [
          s.line,
          clip(s.text),
          s.group ?? t('preview.none'),
          s.domain ? t(`domain.${s.domain}`) : t('preview.none'),
        ]),
      ),
    );
  }
  if (report.skipped.length > 0) {
    out.push('', t('preview.skipped', { count: report.skipped.length }));
    out.push(
      ...limited(report.skipped, t, (rows) => [
        renderTable(
          [t('preview.col.row'), t('preview.col.why'), t('preview.col.text')],
          rows.map((r) => [r.line, t(`preview.skip.${r.reason}`), clip(r.text)]),
        ),
      ]),
    );
  }
  if (report.filled.length > 0) {
    out.push('', t('preview.filled'));
    for (const f of report.filled) {
      const args = { column: columnName(f.column), lines: lineRanges(f.lines) };
      out.push(`  ${f.from === 'above' ? t('preview.filledAbove', args) : t('preview.filledLead', args)}`);
    }
  }
  if (report.departments.length > 0) {
    out.push('', t('preview.departments'));
    for (const d of report.departments) {
      const lines = lineRanges(d.lines);
      if (d.kind === 'alias') out.push(`  ${t('preview.dept.alias', { alias: d.alias, name: d.name, lines })}`);
      else if (d.kind === 'similar')
        out.push(`  ${t('preview.dept.similar', { name: d.name, other: d.other, lines })}`);
      else
        out.push(
          `  ${t(d.kind === 'unknown' ? 'preview.dept.unknown' : 'preview.dept.noMembers', { name: d.name, lines })}`,
        );
    }
  }
  return out;
}

/** A field's value as a person reads it: status words in the language, empty as (empty). */
function valueText(change: Pick<ItemChange, 'field'>, value: string | null, t: Translate): string {
  if (value === null || value === '')
    return change.field === 'due_on' ? t('preview.noDeadline') : t('preview.emptyCell');
  if (change.field === 'status') return t(`status.${value as 'done'}`);
  return clip(value, 30);
}

/** `2026-12-01 10:05` in the office's zone. */
function localTime(iso: string | null, timeZone: string): string {
  if (iso === null) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function changeLines(summary: LedgerImportSummary, t: Translate, timeZone: string): string[] {
  const out: string[] = [];
  if (summary.planCodes.length > 0) {
    out.push('', t('preview.planCodes'));
    out.push(
      ...limited(summary.planCodes, t, (plans) => [
        renderTable(
          [t('preview.col.code'), t('preview.col.title'), ''],
          plans.map((p) => [p.code, clip(p.title), p.created ? t('preview.planNew') : t('preview.planKnown')]),
        ),
      ]),
    );
  }
  if (summary.items.created > 0) {
    out.push('', t('preview.newItems', { count: summary.items.created }));
    out.push(...summary.newItems.slice(0, MAX_LISTED).map((i) => `  ${i.key} ${clip(i.title)}`));
    const more = summary.items.created - Math.min(summary.newItems.length, MAX_LISTED);
    if (more > 0) out.push(t('preview.more', { count: more }));
  }
  if (summary.changes.length > 0) {
    out.push('', t('preview.changes', { count: summary.changes.length }));
    out.push(
      ...limited(summary.changes, t, (changes) =>
        changes.map(
          (c) =>
            `  ${t('preview.change', { key: c.key, field: t(`preview.field.${c.field}`), from: valueText(c, c.from, t), to: valueText(c, c.to, t) })}`,
        ),
      ),
    );
  }
  if (summary.conflicts.length > 0) {
    const overwritten = summary.conflicts.some((c) => c.overwritten);
    out.push(
      '',
      t(overwritten ? 'preview.conflictsOverwritten' : 'preview.conflicts', { count: summary.conflicts.length }),
    );
    out.push(
      ...limited(summary.conflicts, t, (conflicts) => [
        renderTable(
          [
            t('preview.col.item'),
            t('preview.col.field'),
            t('preview.col.file'),
            t('preview.col.current'),
            t('preview.col.changedBy'),
          ],
          conflicts.map((c) => [
            c.key,
            t(`preview.field.${c.field}`),
            valueText(c, c.to, t),
            valueText(c, c.from, t),
            [c.actor, localTime(c.at, timeZone)].filter(Boolean).join(' '),
          ]),
        ),
      ]),
    );
  }
  return out;
}
