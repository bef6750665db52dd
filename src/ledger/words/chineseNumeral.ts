// Chinese numerals as ledgers use them for labels: 一、 十二、 （二十三） 第三季度.
// Read: the digits 〇/零 一 二/两 … 九 with the units 十 百 千, so 0 to 9999; 一…九十九 is what
// labels need, the larger units cost nothing more. Refused (undefined), because a reader
// could take them two ways: digit strings without units (一二 is 12 to some, 1 and 2 to
// others), and a bare digit after 百 or 千 (一百五 is colloquially 150 but looks like 105).

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const ZERO = new Set(['〇', '零']);

/** The number a Chinese numeral writes, or undefined when the text is not one. */
export function chineseNumeral(text: string): number | undefined {
  const chars = Array.from(text.trim());
  if (chars.length === 0) return undefined;
  if (chars.length === 1 && ZERO.has(chars[0]!)) return 0;

  let total = 0;
  let digit: number | undefined; // read, not yet multiplied by a unit
  let lastUnit = Number.POSITIVE_INFINITY; // units must fall: 千 before 百 before 十
  let afterZero = false; // 零 marks a skipped place: 一百零五
  for (const char of chars) {
    if (ZERO.has(char)) {
      // A place-holding zero stands between a unit and a digit, never twice, never first.
      if (digit !== undefined || afterZero || total === 0) return undefined;
      afterZero = true;
    } else if (char in DIGITS) {
      if (digit !== undefined) return undefined; // 一二: no unit between two digits
      digit = DIGITS[char]!;
    } else if (char in UNITS) {
      const unit = UNITS[char]!;
      if (unit >= lastUnit) return undefined;
      // A leading 十 stands for 一十 (十二 = 12); 百 and 千 always carry their digit.
      const multiplier = digit ?? (unit === 10 && total === 0 ? 1 : undefined);
      if (multiplier === undefined || multiplier === 0) return undefined;
      total += multiplier * unit;
      digit = undefined;
      lastUnit = unit;
      afterZero = false;
    } else {
      return undefined;
    }
  }
  if (digit === undefined) return afterZero ? undefined : total; // 一百零: a zero must lead somewhere
  // A final digit is a units digit only alone, after 十, or after a place-holding 零.
  const unitsPlace = lastUnit === Number.POSITIVE_INFINITY || lastUnit === 10 || afterZero;
  return unitsPlace ? total + digit : undefined;
}
