// Counts what the zip really inflates, chunk by chunk, against the limits: the sizes in a zip's
// headers are written by whoever made the file, so they only serve to refuse early, never to
// allow. One meter serves one read of a workbook, so the total covers every part it opens.
import type { XlsxLimits } from './limits.ts';
import { xlsxError } from './xlsxError.ts';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export interface PartSizes {
  name: string;
  /** As the zip's central directory declares them. */
  compressedSize: number;
  uncompressedSize: number;
}

export class InflateMeter {
  private inflatedTotal = 0;
  private compressedTotal = 0;

  constructor(
    private readonly limits: XlsxLimits,
    /** Compressed bytes read so far: the file's share that is done, for a progress bar. */
    private readonly onBytes?: (bytes: number) => void,
  ) {}

  /** Before a part is opened: refuse what its declared sizes already show to be too much. */
  checkDeclared(part: PartSizes): void {
    this.checkRatio(part.name, part.uncompressedSize, part.compressedSize);
    this.checkTotal(this.inflatedTotal + part.uncompressedSize);
  }

  /** Starts counting one part; call the result with the bytes read so far after each chunk. */
  part(part: PartSizes): (compressed: number, inflated: number) => void {
    let compressedSeen = 0;
    let inflatedSeen = 0;
    return (compressed, inflated) => {
      this.compressedTotal += compressed - compressedSeen;
      this.inflatedTotal += inflated - inflatedSeen;
      compressedSeen = compressed;
      inflatedSeen = inflated;
      // `compressed` runs ahead of what zlib has consumed (streams buffer), so the ratio is, if
      // anything, underestimated: a bomb is caught a few buffers late, never a real part early.
      this.checkRatio(part.name, inflated, compressed);
      if (inflated > part.uncompressedSize) {
        throw xlsxError(
          `${part.name} inflates to more than the ${part.uncompressedSize} bytes its zip header declares (a damaged or forged file)`,
        );
      }
      this.checkTotal(this.inflatedTotal);
      this.onBytes?.(this.compressedTotal);
    };
  }

  private checkRatio(name: string, inflated: number, compressed: number): void {
    const { maxCompressionRatio, ratioFloorBytes } = this.limits;
    if (inflated > ratioFloorBytes && inflated > maxCompressionRatio * compressed) {
      throw xlsxError(
        `${name} inflates more than ${maxCompressionRatio} times its compressed size, which no real workbook does (a zip bomb?)`,
      );
    }
  }

  private checkTotal(inflated: number): void {
    if (inflated > this.limits.maxInflatedBytes) {
      throw xlsxError(
        `the workbook inflates to more than ${mb(this.limits.maxInflatedBytes)}, more than a ledger needs (a zip bomb?)`,
      );
    }
  }
}
