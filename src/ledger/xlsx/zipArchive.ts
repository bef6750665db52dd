// The workbook's zip, read through its central directory (yauzl), so every part is found by
// name wherever it sits in the file. exceljs's streaming reader went through the zip front to
// back and could lose the last entries (see readXlsx.ts); random access cannot.
import { PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { type Entry, openPromise, type ZipFile } from 'yauzl';
import type { InflateMeter } from './inflateMeter.ts';
import type { XlsxLimits } from './limits.ts';
import { asXlsxError, xlsxError } from './xlsxError.ts';

const STORED = 0;
const DEFLATED = 8;

export class ZipArchive {
  private closed?: Promise<void>;

  private constructor(
    private readonly zip: ZipFile,
    /** By lower-cased name: part names in a package are case-insensitive. */
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string, limits: XlsxLimits): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await openPromise(path, { lazyEntries: true, autoClose: false });
    } catch (error) {
      throw asXlsxError(error, 'not a zip file, or a damaged or truncated one');
    }
    // yauzl reports a failure to close the file as an 'error' event; nothing is left to do then.
    zip.on('error', () => {});
    try {
      if (zip.entryCount > limits.maxZipEntries) {
        throw xlsxError(
          `the zip has ${zip.entryCount} entries, more than the ${limits.maxZipEntries} a workbook could need`,
        );
      }
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) {
        const key = entry.fileName.toLowerCase();
        if (!entry.fileName.endsWith('/') && !entries.has(key)) entries.set(key, entry);
      }
      return new ZipArchive(zip, entries);
    } catch (error) {
      await closeZip(zip);
      throw asXlsxError(error, 'the zip directory is damaged');
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The part's bytes, inflated as they are read, every chunk counted by `meter`. Ending the
   * iteration early destroys the streams, which releases the file for close().
   */
  async *read(name: string, meter: InflateMeter): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw xlsxError(`${name} is missing from the zip`);
    if (entry.isEncrypted()) throw xlsxError(`${name} is encrypted`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      throw xlsxError(`${name} uses zip compression method ${entry.compressionMethod}, which Excel never writes`);
    }
    const sizes = { name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize };
    meter.checkDeclared(sizes);
    const count = meter.part(sizes);

    let compressed = 0;
    let inflated = 0;
    let raw: Readable;
    try {
      // Raw, so that the compressed bytes can be counted on their way into zlib.
      raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
    } catch (error) {
      throw asXlsxError(error, `${name} cannot be read from the zip`);
    }
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        compressed += chunk.length;
        done(null, chunk);
      },
    });
    const decode =
      entry.compressionMethod === DEFLATED ? createInflateRaw({ chunkSize: 64 * 1024 }) : new PassThrough();
    // pipeline destroys every stage when one fails or the last is destroyed; its error comes
    // out of the iteration below, so the callback only keeps it from being reported twice.
    const output = pipeline(raw, counter, decode, () => {});
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        count(compressed, inflated);
        yield chunk;
      }
    } catch (error) {
      throw asXlsxError(error, `${name} is damaged`);
    } finally {
      output.destroy();
    }
  }

  /** Closes the file once every stream of it is done; safe to call more than once. */
  close(): Promise<void> {
    this.closed ??= closeZip(this.zip);
    return this.closed;
  }
}

/**
 * yauzl closes the descriptor when the last stream lets go of it, then says 'close' (or
 * 'error' when closing failed, after which there is nothing left to wait for).
 */
function closeZip(zip: ZipFile): Promise<void> {
  if (!zip.isOpen) return Promise.resolve();
  return new Promise((resolve) => {
    zip.once('close', () => resolve());
    zip.once('error', () => resolve());
    zip.close();
  });
}
