#!/usr/bin/env node
// The installed command: runs the build in dist/ (`npm run build`; `npm ci` runs it through
// `prepare`). Tests and scripts run the TypeScript instead, through bin/reform-bot-source.js.
// Without dist/ it says so and stops rather than falling back to tsx: tsx is a development
// dependency (absent after `npm ci --omit=dev`), and a silent fallback would make every command
// pay its second of start-up unnoticed.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('reform-bot: dist/ is missing: run `npm run build` in this folder first (npm ci runs it).\n');
  process.exit(1);
}
const { runCliProcess } = await import(main.href);
process.exitCode = await runCliProcess(process.argv.slice(2));
