// The parts of exceljs's streaming WorkbookWriter the export uses, typed (exceljs's typings
// describe its in-memory API). Views and page setup must be given when a sheet is added: the
// streaming writer writes the sheet's opening XML, frozen panes included, at once.
import type { EventEmitter } from 'node:events';
import type { AddWorksheetOptions } from 'exceljs';
import type { ValidatedSheet } from './xlsxDropdowns.ts';
import type { SheetWriter } from './xlsxSheet.ts';

export interface StreamSheet extends SheetWriter, ValidatedSheet {
  columns: { width: number }[];
  /** Writes what is left of the sheet (merges, validations, page setup) and closes it. */
  commit(): void;
}

type StreamSheetOptions = Partial<AddWorksheetOptions> & {
  /** A header row range such as `A2:N2`: Excel's filter buttons on it. */
  autoFilter?: string;
};

export interface StreamWorkbook {
  addWorksheet(name: string, options: StreamSheetOptions): StreamSheet;
  commit(): Promise<void>;
  /** The archiver the sheets are zipped by: its progress paces the writer (xlsxZipPace.ts). */
  zip: EventEmitter;
}
