// The workbook part (xl/workbook.xml, found through _rels/.rels) lists the sheets in tab order
// with their names and visibility, and says which date system the serial numbers count from;
// its relationships give each sheet's part and the shared strings and styles parts.
import type { InflateMeter } from './inflateMeter.ts';
import type { XlsxLimits } from './limits.ts';
import { readRelationships, relationshipOfKind } from './relationships.ts';
import { xlsxError } from './xlsxError.ts';
import { prefixedAttribute, readXmlPart } from './xmlParts.ts';
import type { ZipArchive } from './zipArchive.ts';

export interface XlsxSheetInfo {
  name: string;
  /** 0-based position in tab order, among worksheets (chart sheets hold no cells and are left out). */
  index: number;
  /** Hidden or "very hidden" (only a macro can show it). */
  hidden: boolean;
}

interface SheetPart extends XlsxSheetInfo {
  part: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Serial 0 is 1904-01-01 instead of 1900-01-00 (old Mac workbooks). */
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export async function readWorkbook(
  archive: ZipArchive,
  meter: InflateMeter,
  limits: XlsxLimits,
): Promise<WorkbookParts> {
  const root = await readRelationships(archive, '', meter, limits);
  const workbookPart = relationshipOfKind(root, 'officeDocument')?.part ?? DEFAULT_WORKBOOK;
  if (!archive.has(workbookPart)) {
    throw xlsxError(`no worksheet: the zip has no ${workbookPart}, so it is not an Excel workbook`);
  }
  const listed: { name: string; id: string | undefined; hidden: boolean }[] = [];
  let date1904 = false;
  await readXmlPart(
    workbookPart,
    archive.read(workbookPart, meter),
    {
      open(name, a) {
        if (name === 'sheet' && a.name !== undefined) {
          listed.push({
            name: a.name,
            id: prefixedAttribute(a, 'id'),
            hidden: a.state === 'hidden' || a.state === 'veryHidden',
          });
        } else if (name === 'workbookPr') {
          date1904 = a.date1904 === '1' || a.date1904 === 'true';
        }
      },
    },
    limits.maxNodeChars,
  );
  const relationships = await readRelationships(archive, workbookPart, meter, limits);
  const sheets: SheetPart[] = [];
  for (const { name, id, hidden } of listed) {
    const relationship = id === undefined ? undefined : relationships.get(id);
    if (relationship?.kind === 'worksheet')
      sheets.push({ name, index: sheets.length, hidden, part: relationship.part });
  }
  return {
    sheets,
    date1904,
    sharedStrings: relationshipOfKind(relationships, 'sharedStrings')?.part,
    styles: relationshipOfKind(relationships, 'styles')?.part,
  };
}
