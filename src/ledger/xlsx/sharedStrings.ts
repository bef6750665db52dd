// The shared strings table: most text cells hold an index into it, in any order, so it is read
// whole before the sheet and kept in memory, within maxSharedStrings / maxSharedStringChars.
import type { InflateMeter } from './inflateMeter.ts';
import type { XlsxLimits } from './limits.ts';
import { StringItem } from './stringItem.ts';
import { xlsxError } from './xlsxError.ts';
import { readXmlPart } from './xmlParts.ts';
import type { ZipArchive } from './zipArchive.ts';

export async function readSharedStrings(
  archive: ZipArchive,
  part: string | undefined,
  meter: InflateMeter,
  limits: XlsxLimits,
): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined || !archive.has(part)) return strings;
  const item = new StringItem();
  let inItem = false;
  let chars = 0;
  await readXmlPart(
    part,
    archive.read(part, meter),
    {
      open(name) {
        if (name === 'si') inItem = true;
        else if (inItem) item.open(name);
      },
      close(name) {
        if (name !== 'si') {
          if (inItem) item.close(name);
          return;
        }
        inItem = false;
        const text = item.take();
        chars += text.length;
        strings.push(text);
        if (strings.length > limits.maxSharedStrings) {
          throw xlsxError(`the workbook has more than ${limits.maxSharedStrings} shared strings`);
        }
      },
      text(text) {
        if (!inItem) return;
        item.text(text);
        if (chars + item.length > limits.maxSharedStringChars) {
          throw xlsxError(`the workbook's shared strings hold more than ${limits.maxSharedStringChars} characters`);
        }
      },
    },
    limits.maxNodeChars,
  );
  return strings;
}
