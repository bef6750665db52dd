// The look of the workbooks we hand to people (the export and the empty template): one place for
// borders, fonts, fills, frozen panes and print setup, so every sheet prints the same way.
//
// Styles are shared, frozen objects assigned whole (`cell.style = BODY`): exceljs caches a style's
// index by object identity, so a 250,000-row ledger costs one lookup per cell rather than one
// serialisation per cell; and freezing makes a stray `cell.numFmt = …`, which would change the
// style of every cell sharing it, fail loudly instead.
import type { Borders, Fill, Font, HeaderFooter, PageSetup, Style, WorksheetView } from 'exceljs';
import type { Light, Status } from '../domain/types.ts';
import type { Column } from './columns.ts';

type CellStyle = Readonly<Partial<Style>>;
const frozen = (style: Partial<Style>): CellStyle => Object.freeze(style);

const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const TITLE_STYLE = frozen({
  font: { bold: true, size: 16 },
  alignment: { horizontal: 'center', vertical: 'middle' },
});
export const TITLE_ROW_HEIGHT = 30;

/** A line people must not miss: "this sheet is read-only". */
export const WARNING_STYLE = frozen({ font: { italic: true, color: { argb: 'FFC00000' } } });

export const HEADING_STYLE = frozen({
  font: { bold: true },
  fill: solid('FFD9E1F2'),
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
});

export const BODY_STYLE = frozen({ border: BORDER, alignment: { vertical: 'top' } });
/** Long text (titles, departments, notes) wraps inside its column instead of running across. */
export const WRAPPED_STYLE = frozen({ border: BORDER, alignment: { vertical: 'top', wrapText: true } });
export const DATE_STYLE = frozen({ ...BODY_STYLE, numFmt: 'yyyy-mm-dd' });
/** Rates are numbers shown with one decimal: 64.3, and 50.0 rather than 50. */
export const RATE_STYLE = frozen({ ...BODY_STYLE, numFmt: '0.0' });
/** The `rev` column: bookkeeping for the import, shown small and grey so nobody takes it for data. */
export const QUIET_STYLE = frozen({
  ...BODY_STYLE,
  font: { color: { argb: 'FF808080' }, size: 9 },
  alignment: { vertical: 'top', horizontal: 'center' },
});

/** What a coloured cell says: done / started / not started, or a light (every Light is a Tone). */
export type Tone = 'green' | 'yellow' | 'red' | 'grey';

// Excel's own "good / neutral / bad" pairs: light enough to print, dark text stays readable.
const TONE_COLOURS: Record<Tone, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  grey: { fill: 'FFE7E6E6', font: 'FF404040' },
};

function toneStyle(tone: Tone): CellStyle {
  const font: Partial<Font> = { color: { argb: TONE_COLOURS[tone].font } };
  return frozen({ ...BODY_STYLE, fill: solid(TONE_COLOURS[tone].fill), font });
}

export const TONE_STYLES: Readonly<Record<Tone, CellStyle>> = Object.freeze({
  green: toneStyle('green'),
  yellow: toneStyle('yellow'),
  red: toneStyle('red'),
  grey: toneStyle('grey'),
});

/** Column widths of the ledger columns, shared by the export's ledger sheet and the template. */
export const COLUMN_WIDTHS: Readonly<Record<Column, number>> = {
  seq: 6,
  plan_code: 12,
  plan_title: 36,
  domain: 12,
  lead_group: 12,
  lead_department: 14,
  issued_on: 12,
  item_code: 15,
  item_title: 44,
  responsible_departments: 20,
  cooperating_departments: 18,
  due_on: 14,
  status: 14,
  note: 26,
  rev: 7,
};

const WRAPPED_COLUMNS: ReadonlySet<Column> = new Set([
  'plan_title',
  'lead_group',
  'lead_department',
  'item_title',
  'responsible_departments',
  'cooperating_departments',
  'due_on',
  'note',
]);

/** The plain style of a ledger cell in that column (dates, tones and `rev` are set by the caller). */
export function columnStyle(column: Column): CellStyle {
  return WRAPPED_COLUMNS.has(column) ? WRAPPED_STYLE : BODY_STYLE;
}

/** Rows 1..row stay in view while scrolling. */
export function frozenBelow(row: number): Partial<WorksheetView>[] {
  return [{ state: 'frozen', ySplit: row, xSplit: 0 }];
}

/**
 * A4 landscape, as wide as one page and as long as it takes (fitToHeight 0), with the header row
 * printed again on every page so a leader reading page 7 still knows which column is which.
 */
export function printSetup(headerRow: number): Partial<PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** "3 / 12" at the foot of each printed page: a stack of printouts can be put back in order. */
export const PAGE_NUMBER_FOOTER: Partial<HeaderFooter> = { oddFooter: '&C&P / &N' };

/** A red light wins: an overdue item reads red whatever its status; otherwise the status says. */
export function statusTone(status: Status, light: Light): Tone {
  if (light === 'red') return 'red';
  return status === 'done' ? 'green' : status === 'started' ? 'yellow' : 'grey';
}
