// One row of the benchmark table: what was measured, the figure, the target, and whether it met it.
export interface BenchRow {
  section: string;
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}

export function renderMarkdown(rows: BenchRow[]): string {
  const lines = ['| section | measure | figure | target | met |', '|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.section} | ${r.measure} | ${r.figure} | ${r.target} | ${r.met === null ? '-' : r.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}

export function renderText(rows: BenchRow[]): string {
  const cols = [
    rows.map((r) => r.section),
    rows.map((r) => r.measure),
    rows.map((r) => r.figure),
    rows.map((r) => r.target),
  ];
  const w = cols.map((c, i) =>
    Math.max(['section', 'measure', 'figure', 'target'][i]!.length, ...c.map((s) => s.length)),
  );
  const line = (a: string[]) => a.map((s, i) => s.padEnd(w[i] ?? 0)).join('  ');
  return [
    `${line(['section', 'measure', 'figure', 'target'])}  met`,
    ...rows.map(
      (r) => `${line([r.section, r.measure, r.figure, r.target])}  ${r.met === null ? '-' : r.met ? 'yes' : 'NO'}`,
    ),
  ].join('\n');
}
