// Turns a worksheet's <sheetData> into positional SheetRecords as the XML streams past: one
// record per <row> that shows something, numbered by its r attribute (row 12 in Excel is line
// 12), each cell placed by its own reference. Only the XML that is there costs anything: the
// <dimension> element (which may claim a million rows) is never consulted.
import type { Cell, SheetRecord } from '../rawRow.ts';
import { columnOfRef, MAX_COLUMNS, parseRowNumber } from './cellRef.ts';
import { type CellContext, cellValue } from './cellValue.ts';
import type { XlsxLimits } from './limits.ts';
import type { MergeFiller } from './mergedCells.ts';
import { StringItem } from './stringItem.ts';
import { xlsxError } from './xlsxError.ts';
import type { XmlHandlers } from './xmlParts.ts';

export class SheetRows implements XmlHandlers {
  /** Finished records, for the reader to hand over in batches. */
  records: SheetRecord[] = [];
  /** Cells in `records`, so a batch of very wide rows can be handed over early. */
  recordCells = 0;

  private inSheetData = false;
  private inRow = false;
  private line = 0;
  private values: Cell[] = [];
  private cells = 0;
  // The cell being read.
  private column = -1;
  private type: string | undefined;
  private style = 0;
  private value: string | undefined;
  private inValue = false;
  private inInline = false;
  private readonly inline = new StringItem();
  private inlineText: string | undefined;

  constructor(
    private readonly context: CellContext,
    private readonly limits: XlsxLimits,
    private readonly merges?: MergeFiller,
  ) {}

  /** The row being read (or the last one), to place a problem found in the XML. */
  get currentLine(): number | null {
    return this.line === 0 ? null : this.line;
  }

  /** Takes the finished records. */
  take(): SheetRecord[] {
    const records = this.records;
    this.records = [];
    this.recordCells = 0;
    return records;
  }

  open(name: string, a: Record<string, string>): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'row':
        // Rows without r follow the previous one.
        this.line = a.r === undefined ? this.line + 1 : parseRowNumber(a.r, this.line || null);
        if (this.line === 0) throw xlsxError('a row is numbered 0', null);
        this.inRow = true;
        this.values = [];
        this.column = -1;
        break;
      case 'c':
        // Cells without r follow the previous one in the row.
        this.column = a.r === undefined ? this.column + 1 : columnOfRef(a.r, this.line);
        if (this.column >= MAX_COLUMNS)
          throw xlsxError(`a cell of row ${this.line} is beyond column XFD, Excel's last`, this.line);
        this.type = a.t;
        this.style = a.s === undefined ? 0 : Number(a.s);
        this.value = undefined;
        this.inlineText = undefined;
        break;
      case 'v':
        this.inValue = true;
        this.value = '';
        break;
      case 'is':
        this.inInline = true;
        break;
      default:
        if (this.inInline) this.inline.open(name);
    }
  }

  text(text: string): void {
    if (this.inValue) this.value += text;
    else if (this.inInline) this.inline.text(text);
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'v':
        this.inValue = false;
        break;
      case 'is':
        this.inInline = false;
        this.inlineText = this.inline.take();
        break;
      case 'c':
        if (this.inRow)
          this.setCell(cellValue(this.type, this.value, this.inlineText, this.style, this.context, this.line));
        break;
      case 'row':
        this.inRow = false;
        this.finishRow();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
      default:
        if (this.inInline) this.inline.close(name);
    }
  }

  private setCell(value: Cell): void {
    if (value === null) return;
    const values = this.values;
    while (values.length < this.column) values.push(null);
    values[this.column] = value;
  }

  private finishRow(): void {
    const values = this.values;
    const filled = this.merges?.fill(this.line, values) ?? 0;
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    this.cells += values.length + filled;
    if (this.cells > this.limits.maxCells) {
      throw xlsxError(
        `the sheet has more than ${this.limits.maxCells} cells, counting the empty ones left of a value`,
        this.line,
      );
    }
    if (values.length === 0) return; // blank: nothing shows in it
    this.records.push({ line: this.line, values });
    this.recordCells += values.length;
  }
}
