// Streaming XLSX reader with bounded memory: the zip is read through its central directory
// (yauzl), each part inflated and parsed as it streams (saxes), every byte counted against
// XlsxLimits. Only the shared strings (cells index them at random) and the styles are held
// whole; a sheet's rows go out in batches as they are parsed.
import { stat } from 'node:fs/promises';
import type { SheetRecord } from '../rawRow.ts';
import { readDateStyles } from './dateStyles.ts';
import { InflateMeter } from './inflateMeter.ts';
import { type XlsxLimits, xlsxLimits } from './limits.ts';
import { MergeFiller, scanMergedRanges } from './mergedCells.ts';
import { readSharedStrings } from './sharedStrings.ts';
import { SheetRows } from './sheetRows.ts';
import { readWorkbook, type WorkbookParts, type XlsxSheetInfo } from './workbook.ts';
import { atFirstLine, atLine, xlsxError } from './xlsxError.ts';
import { parseXmlPart } from './xmlParts.ts';
import { ZipArchive } from './zipArchive.ts';

export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits.ts';
export type { XlsxSheetInfo } from './workbook.ts';

export interface XlsxReadOptions {
  /** Compressed bytes of the file read so far, then the file's size once the sheet is done. */
  onBytes?: (bytes: number) => void;
  limits?: Partial<XlsxLimits>;
  /**
   * Give every cell of a merged range its top-left cell's value, as Excel shows it. Off, a
   * merged range reads as what the XML holds: the value in its top-left cell only. On, the
   * sheet part is inflated twice (once to find the ranges, listed after the rows).
   */
  fillMerged?: boolean;
}

/** Rows per batch, as the CSV reader hands them over; fewer when rows are very wide. */
const BATCH_ROWS = 1000;
const BATCH_CELLS = 1_000_000;

interface OpenWorkbook {
  archive: ZipArchive;
  meter: InflateMeter;
  workbook: WorkbookParts;
}

/** Opens the zip and reads the workbook part; closes the zip again if that fails. */
async function openWorkbook(
  path: string,
  limits: XlsxLimits,
  onBytes?: (bytes: number) => void,
): Promise<OpenWorkbook> {
  const archive = await ZipArchive.open(path, limits).catch((error: unknown) => Promise.reject(atFirstLine(error)));
  const meter = new InflateMeter(limits, onBytes);
  try {
    return { archive, meter, workbook: await readWorkbook(archive, meter, limits) };
  } catch (error) {
    await archive.close();
    throw atFirstLine(error);
  }
}

/** Sheets in tab order (from xl/workbook.xml + xl/_rels/workbook.xml.rels). */
export async function listXlsxSheets(path: string): Promise<XlsxSheetInfo[]> {
  const { archive, workbook } = await openWorkbook(path, xlsxLimits());
  await archive.close();
  return workbook.sheets.map(({ name, index, hidden }) => ({ name, index, hidden }));
}

/**
 * Rows of one sheet as positional SheetRecords in batches (about 1000 rows), numbered by the
 * sheet's own row numbers (row 12 in Excel = line 12), blank rows skipped, trailing nulls
 * trimmed. Stopping the iteration early (break / return()) closes the zip file and its streams.
 */
export async function* readXlsxSheet(
  path: string,
  sheetName: string,
  options: XlsxReadOptions = {},
): AsyncGenerator<SheetRecord[]> {
  const limits = xlsxLimits(options.limits);
  const { archive, meter, workbook } = await openWorkbook(path, limits, options.onBytes);
  try {
    let rows: SheetRows;
    let part: string;
    try {
      const sheet = workbook.sheets.find((s) => s.name === sheetName);
      if (!sheet) {
        const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
        throw xlsxError(`the workbook has no sheet named "${sheetName}" (its sheets: ${names})`);
      }
      part = sheet.part;
      if (!archive.has(part))
        throw xlsxError(`sheet "${sheetName}" is listed, but its part ${part} is missing from the zip`);
      const context = {
        sharedStrings: await readSharedStrings(archive, workbook.sharedStrings, meter, limits),
        dateStyles: await readDateStyles(archive, workbook.styles, meter, limits),
        date1904: workbook.date1904,
      };
      // The scan gets a meter of its own: it reads the sheet a second time, which should not
      // halve the size of sheet the limits allow.
      const merges = options.fillMerged
        ? new MergeFiller(await scanMergedRanges(part, archive.read(part, new InflateMeter(limits)), limits))
        : undefined;
      rows = new SheetRows(context, limits, merges);
    } catch (error) {
      throw atFirstLine(error);
    }

    try {
      for await (const _ of parseXmlPart(part, archive.read(part, meter), rows, limits.maxNodeChars)) {
        if (rows.records.length >= BATCH_ROWS || rows.recordCells >= BATCH_CELLS) yield rows.take();
      }
    } catch (error) {
      throw atLine(error, rows.currentLine);
    }
    const last = rows.take();
    if (last.length > 0) yield last;
    options.onBytes?.((await stat(path)).size);
  } finally {
    await archive.close();
  }
}
