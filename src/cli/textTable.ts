// Plain-text tables for the terminal. Widths count CJK characters as two columns so Chinese
// headers line up.
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export function renderTable(header: string[], rows: (string | number)[][], align: Align[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => stringWidth(r[c] ?? ''))));
  const pad = (text: string, c: number) => {
    const gap = ' '.repeat(Math.max(0, (widths[c] ?? 0) - stringWidth(text)));
    return align[c] === 'right' ? gap + text : text + gap;
  };
  const line = (r: string[]) =>
    r
      .map((text, c) => pad(text, c))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0] as string[]), rule, ...cells.slice(1).map(line)].join('\n');
}
