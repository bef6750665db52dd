// Which cell styles show dates. A cell's s attribute indexes the <cellXfs> list of styles.xml;
// each entry names a number format, built in (by id) or defined in <numFmts>.
import type { InflateMeter } from './inflateMeter.ts';
import type { XlsxLimits } from './limits.ts';
import { isDateFormat } from './numberFormats.ts';
import { readXmlPart } from './xmlParts.ts';
import type { ZipArchive } from './zipArchive.ts';

/** By style index: whether a number in that style is a date. No styles part: none is. */
export async function readDateStyles(
  archive: ZipArchive,
  part: string | undefined,
  meter: InflateMeter,
  limits: XlsxLimits,
): Promise<boolean[]> {
  if (part === undefined || !archive.has(part)) return [];
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  // <xf> also appears in <cellStyleXfs> (named styles), which cells do not index.
  let inCellXfs = false;
  await readXmlPart(
    part,
    archive.read(part, meter),
    {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined) customCodes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    limits.maxNodeChars,
  );
  return formatIds.map((id) => isDateFormat(id, customCodes));
}
