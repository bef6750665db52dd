// A progress bar on stderr for long imports; a no-op unless stderr is a terminal, so logs and
// piped output never fill with bar redraws. cli-progress is loaded only when a bar is shown:
// every CLI command imports this file, and most never draw a bar.
import type { SingleBar } from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  update(value: number): void;
  stop(): void;
}

const silent: Progress = { start() {}, update() {}, stop() {} };

export async function createProgress(enabled: boolean): Promise<Progress> {
  if (!enabled) return silent;
  const { default: cliProgress } = await import('cli-progress');
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${label} [{bar}] {percentage}%`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(value) {
      bar?.update(value);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
