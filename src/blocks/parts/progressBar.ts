// `▓▓▓▓▓▓░░░░ 64.3%`: progress of done items, the rate computed from counts (domain/rates.ts).
import { percent } from '../../domain/rates.ts';

const BAR_WIDTH = 10;

/** Cells are rounded down, so the bar is full only when every item is done. */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? 0 : Math.floor((done * width) / total);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${percent(done, total).toFixed(1)}%`;
}
