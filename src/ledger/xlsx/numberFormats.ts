// Whether a number format shows a date. Excel stores a date as a plain number (days since
// 1900) and only the cell's number format says it is one, so this decides Date or number.

/**
 * Built-in formats that show dates or times: 14-22 (m/d/yyyy … h:mm), 45-47 (mm:ss …), and the
 * East Asian ones 27-36 and 50-58 (yyyy"年"m"月" …), which a Chinese ledger meets most often.
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * A custom format shows a date when a date or time token (y m d h s, 年 月 日) stands outside
 * what it prints literally: "quoted text", [brackets] (colours, locales like [$-F800], elapsed
 * [h]), and one character after \ (escape), _ (space as wide as) or * (fill with).
 */
export function isDateFormatCode(code: string): boolean {
  const tokens = code.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, '');
  return /[ymdhs年月日]/i.test(tokens);
}

/** `customCodes`: the workbook's own formats by id, which may also redefine a built-in id. */
export function isDateFormat(id: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(id);
  return code === undefined ? BUILTIN_DATE_IDS.has(id) : isDateFormatCode(code);
}
