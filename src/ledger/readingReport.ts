// How a file was read, cell word by cell word, so the office sees every interpretation before
// anything is written (`import --dry-run`) and after (the import's summary): which sheet and
// header, each distinct date text and the date it became, each status word and its status, the
// section rows and what they gave, the rows skipped and why, the cells filled down, and the
// departments that look wrong. Distinct words are few even in a 250,000-row ledger.
import type { Domain, IsoDate, Status } from '../domain/types.ts';
import type { Column } from './columns.ts';
import { detached } from './detached.ts';

export type SkipReason = 'empty' | 'total' | 'remark' | 'noItem';

export interface DateReading {
  /** The cell's text, or null for Excel date cells (counted together). */
  text: string | null;
  /** The date it became; null: no deadline (长期坚持, or an empty cell). */
  date: IsoDate | null;
  count: number;
  firstLine: number;
}

export interface StatusReading {
  text: string;
  status: Status;
  /** The org file's `status_words` gave it. */
  custom: boolean;
  count: number;
  firstLine: number;
}

export interface SectionReading {
  line: number;
  text: string;
  group: string | null;
  domain: Domain | null;
}

export interface SkippedRow {
  line: number;
  reason: SkipReason;
  text: string;
}

export interface FilledColumn {
  column: Column;
  /** From where: the row above, or (for 责任单位) the plan's 牵头单位 on the same row. */
  from: 'above' | 'leadDepartment';
  lines: number[];
}

export type DepartmentWarning =
  | { kind: 'unknown'; name: string; lines: number[] }
  | { kind: 'noMembers'; name: string; lines: number[] }
  | { kind: 'similar'; name: string; other: string; lines: number[] }
  | { kind: 'alias'; name: string; alias: string; lines: number[] };

export interface ReadingReport {
  sheet: string | null;
  /** Sheets of the workbook not read, and why. */
  otherSheets: { name: string; reason: 'notLedger' | 'hidden' | 'notChosen' }[];
  dates: DateReading[];
  statuses: StatusReading[];
  sections: SectionReading[];
  skipped: SkippedRow[];
  filled: FilledColumn[];
  departments: DepartmentWarning[];
}

/** Line lists kept in a report are cut at this length; the count is kept in full. */
const MAX_LINES_LISTED = 1000;

/** Adds a line to a report's list, once, up to MAX_LINES_LISTED. */
export function addReportLine(lines: number[], line: number): void {
  if (lines.length < MAX_LINES_LISTED && lines[lines.length - 1] !== line) lines.push(line);
}

export class ReadingCollector {
  private readonly dates = new Map<string, DateReading>();
  private readonly statuses = new Map<string, StatusReading>();
  private readonly filled = new Map<string, FilledColumn>();
  readonly sections: SectionReading[] = [];
  readonly skipped: SkippedRow[] = [];

  date(text: string | null, date: IsoDate | null, line: number): void {
    const key = text ?? '\u0000excel';
    const seen = this.dates.get(key);
    if (seen) seen.count += 1;
    else
      this.dates.set(text === null ? key : detached(key), {
        text: text === null ? null : detached(text),
        date,
        count: 1,
        firstLine: line,
      });
  }

  status(text: string, status: Status, custom: boolean, line: number): void {
    const seen = this.statuses.get(text);
    if (seen) seen.count += 1;
    else this.statuses.set(detached(text), { text: detached(text), status, custom, count: 1, firstLine: line });
  }

  fill(column: Column, from: FilledColumn['from'], line: number): void {
    const key = `${column}:${from}`;
    let seen = this.filled.get(key);
    if (!seen) {
      seen = { column, from, lines: [] };
      this.filled.set(key, seen);
    }
    addReportLine(seen.lines, line);
  }

  skip(line: number, reason: SkipReason, text: string): void {
    this.skipped.push({ line, reason, text: detached(text) });
  }

  report(
    sheet: string | null,
    otherSheets: ReadingReport['otherSheets'],
    departments: DepartmentWarning[],
  ): ReadingReport {
    // Excel date cells first, then texts in the order met.
    const dates = [...this.dates.values()].sort((a, b) =>
      a.text === null ? -1 : b.text === null ? 1 : a.firstLine - b.firstLine,
    );
    return {
      sheet,
      otherSheets,
      dates,
      statuses: [...this.statuses.values()],
      sections: this.sections,
      skipped: this.skipped,
      filled: [...this.filled.values()],
      departments,
    };
  }
}
