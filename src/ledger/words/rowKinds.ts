// Rows of a ledger sheet that are not items: a total line (合计 3个方案 8项) and a remark at
// the foot (注：本表由…填写). Only the row's FIRST non-empty cell decides, and only by how it
// starts: an item row has its code or title there, and a title that merely contains 合计
// somewhere (…实行合计核算) is still an item.
import { squeeze } from './normalize.ts';

export { type SectionHeading, sectionHeading } from './sectionHeading.ts';

export type NonItemKind = 'total' | 'remark';

// Squeezed forms: NFKC has made ： a colon, and case is folded. 合计划/总计划 would be the
// word 计划 (plan) after 合/总, so a total word followed by 划 is not a total.
const TOTAL = /^(?:合计|小计|总计|共计)(?!划)|^(?:sub)?total(?![a-z])|^grandtotal(?![a-z])/;
// 注： and 注1：/ 注①： (① is 1 after NFKC); a bare 备注 or 说明 is a column header, not a remark.
const REMARK = /^(?:注\d*:|说明:|备注:|填表说明|附注|notes?:)/;

export function nonItemKind(cellTexts: readonly string[]): NonItemKind | undefined {
  for (const text of cellTexts) {
    const first = squeeze(text);
    if (first === '') continue;
    if (TOTAL.test(first)) return 'total';
    if (REMARK.test(first)) return 'remark';
    return undefined;
  }
  return undefined;
}
