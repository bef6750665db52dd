// Vitest's global set-up: build dist/ once before any test file runs (esbuild, well under a
// second), so the tests that start the bot or the CLI as processes run the same JavaScript an
// office installs — and start in a third of the time tsx needs to compile src/ in each child.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
  });
}
