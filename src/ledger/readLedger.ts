// The import's reading half: file → the ledger sheet → header → rows interpreted (section rows,
// skipped rows, cells filled down) → validated rows, streamed, so the only thing held in memory
// is the typed ledger (or, once something is wrong, the defects), plus a report of how every
// kind of cell was read.
import { type Defect, LedgerFileError } from './defects.ts';
import type { LedgerFormat } from './fileCheck.ts';
import { HEADER_SEARCH_ROWS, type HeaderMap, mapHeader, rowMapper } from './header.ts';
import { EMPTY_CONTEXT, type LedgerContext } from './ledgerContext.ts';
import { cellText, type SheetRecord } from './rawRow.ts';
import { type ReadOptions, readCsvRecords, type TextEncoding } from './readCsv.ts';
import { ReadingCollector, type ReadingReport } from './readingReport.ts';
import { createRowInterpreter } from './rowInterpreter.ts';
import { chooseSheet, type SheetChoice } from './sheetChoice.ts';
import { createLedgerValidator, type Ledger } from './validate.ts';
import { matchSection, type SectionMatch } from './words/sectionMatch.ts';
import { readXlsxSheet } from './xlsx/index.ts';

export interface ReadLedgerOptions extends ReadOptions {
  /** XLSX: the sheet to read (`--sheet`); otherwise the one with a ledger header. */
  sheet?: string;
  /** The office's groups, departments and words (store/ledgerContext.ts); none by default. */
  context?: LedgerContext;
}

interface ReadBase {
  header: HeaderMap | null;
  /** The sheet read (XLSX); null for CSV. */
  sheet: string | null;
  encoding: TextEncoding | null;
}

export type ReadLedgerResult =
  | (ReadBase & { ok: true; ledger: Ledger; header: HeaderMap; report: ReadingReport })
  | (ReadBase & { ok: false; defects: Defect[] });

const isBlankRecord = (record: SheetRecord) => record.values.every((v) => cellText(v) === '');

function records(
  path: string,
  format: LedgerFormat,
  sheet: string | null,
  options: ReadOptions,
): AsyncGenerator<SheetRecord[]> {
  // Merged cells are read as Excel shows them: every cell of the range holds its value (a
  // 责任单位 merged down three items names the department of all three).
  return format === 'csv'
    ? readCsvRecords(path, options)
    : readXlsxSheet(path, sheet as string, { onBytes: options.onBytes, fillMerged: true });
}

/** The first non-blank records of a sheet, for finding its header. */
async function firstRecords(source: AsyncGenerator<SheetRecord[]>): Promise<SheetRecord[]> {
  const found: SheetRecord[] = [];
  try {
    for await (const batch of source) {
      for (const record of batch) {
        if (!isBlankRecord(record)) found.push(record);
        if (found.length >= HEADER_SEARCH_ROWS) return found;
      }
    }
  } finally {
    await source.return(undefined);
  }
  return found;
}

export async function readLedger(
  path: string,
  format: LedgerFormat,
  options: ReadLedgerOptions = {},
): Promise<ReadLedgerResult> {
  const context = options.context ?? EMPTY_CONTEXT;
  let encoding: TextEncoding | null = null;
  const readOptions: ReadOptions = {
    ...options,
    onEncoding: (e) => {
      encoding = e;
      options.onEncoding?.(e);
    },
  };
  let choice: SheetChoice;
  try {
    choice = await chooseSheet(path, format, options.sheet, (sheet) => firstRecords(records(path, format, sheet, {})));
  } catch (error) {
    if (!(error instanceof LedgerFileError)) throw error;
    return {
      ok: false,
      header: null,
      sheet: null,
      encoding,
      defects: [{ line: error.line ?? 1, column: null, code: 'badFile', ...error.problem }],
    };
  }
  const { sheet, headerRows } = choice;
  if (!headerRows)
    return { ok: false, header: null, sheet, encoding, defects: [{ line: 1, column: null, code: 'noHeader' }] };

  const { header, defects: headerDefects } = mapHeader(headerRows);
  const collector = new ReadingCollector();
  const validator = createLedgerValidator(header, context, collector);
  validator.addDefects(headerDefects);
  const interpret = createRowInterpreter(header, rowMapper(header, format === 'csv'), collector);
  const lastHeaderLine = header.line;
  let section: SectionMatch | null = null;
  const fileDefects: Defect[] = [];
  let lastLine = 0;
  try {
    for await (const batch of records(path, format, sheet, readOptions)) {
      for (const record of batch) {
        lastLine = record.line;
        if (record.line <= lastHeaderLine) continue;
        const what = interpret(record);
        if (what.kind === 'section') {
          section = matchSection(what.heading.label, context.groups);
          collector.sections.push({
            line: what.line,
            text: what.heading.text,
            group: section.group?.code ?? null,
            domain: section.domain,
          });
        } else if (what.kind === 'item') validator.add(what.row, section);
      }
    }
  } catch (error) {
    if (!(error instanceof LedgerFileError)) throw error;
    fileDefects.push({ line: error.line ?? lastLine + 1, column: null, code: 'badFile', ...error.problem });
  }
  validator.addDefects(fileDefects);
  const result = validator.finish();
  if (!result.ok) return { ok: false, defects: result.defects, header, sheet, encoding };
  const report = collector.report(sheet, choice.otherSheets, validator.departments.warnings());
  return { ok: true, ledger: result.ledger, header, sheet, encoding, report };
}
