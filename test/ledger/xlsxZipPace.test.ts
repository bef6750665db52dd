// The export's pacer: the writer waits while the zip lags, and lets go of sheets the zip has read.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { zipPacer } from '../../src/ledger/xlsxZipPace.ts';

const progress = (zip: EventEmitter, total: number, processed: number) =>
  zip.emit('progress', { entries: { total, processed } });

/** A sheet as exceljs 4.4 wires it: its stream forwards to the zip's input, listed in `pipes`. */
function sheetWithInput(buffered: number, ended: boolean) {
  const input = Object.assign(new EventEmitter(), {
    _writableState: { length: buffered },
    _readableState: { endEmitted: ended },
  });
  return { input, sheet: { stream: { pipes: [input] as unknown[] } } };
}

describe('zip pacer', () => {
  it('waits while the zip is more than eight sheets behind', async () => {
    const zip = new EventEmitter();
    const pacer = zipPacer(zip);
    progress(zip, 20, 5);
    let done = false;
    const paced = pacer.pace().then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    progress(zip, 20, 12);
    await paced;
    expect(done).toBe(true);
  });

  it('waits for the current sheet’s zip input to drain once it holds more than a few megabytes', async () => {
    const zip = new EventEmitter();
    const pacer = zipPacer(zip);
    const { input, sheet } = sheetWithInput(8 * 1024 * 1024, false);
    let done = false;
    const paced = pacer.pace(sheet).then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    input._writableState.length = 0;
    input.emit('drain');
    await paced;
    expect(input.listenerCount('drain')).toBe(0);
    expect(zip.listenerCount('error')).toBe(0);
  });

  it('fails with the zip’s error rather than wait for ever', async () => {
    const zip = new EventEmitter();
    const pacer = zipPacer(zip);
    const { sheet } = sheetWithInput(8 * 1024 * 1024, false);
    const paced = pacer.pace(sheet);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    zip.emit('error', new Error('disk full'));
    await expect(paced).rejects.toThrow('disk full');
  });

  it('lets go of a finished sheet’s zip input once the zip has read it, and passes by sheets of another shape', async () => {
    const zip = new EventEmitter();
    const pacer = zipPacer(zip);
    const read = sheetWithInput(0, true);
    const unread = sheetWithInput(0, false);
    pacer.finished(read.sheet);
    pacer.finished(unread.sheet);
    pacer.finished({});
    await pacer.pace({ stream: {} });
    expect(read.sheet.stream.pipes).toEqual([]);
    expect(unread.sheet.stream.pipes).toEqual([unread.input]);
    unread.input._readableState.endEmitted = true;
    await pacer.pace();
    expect(unread.sheet.stream.pipes).toEqual([]);
  });
});
