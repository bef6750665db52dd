// `npm run build` (and `npm ci`, through `prepare`): src/ → dist/, the JavaScript that `npm start`,
// the `reform-bot` bin and the bot's worker threads run. Tests and scripts run src/ through tsx.
//
// Why esbuild and not tsc (`rewriteRelativeImportExtensions`): measured on this project's 2-core
// machine, CPU time of a whole process, `reform-bot --help` / `stats` on the demo ledger: tsc's
// one file per module 0.40 s / 0.27 s; esbuild bundling our code only about the same; esbuild
// bundling our code with zod and drizzle-orm 0.20 s / 0.18 s, because Node's ES module
// loader pays per file, and zod and drizzle-orm are hundreds of small files. The build itself
// takes 0.2 s instead of tsc's 19 s (`npm run typecheck` still checks the types).
//
// Packages are bundled only when listed in BUNDLED: pure ES modules without files of their own.
// The others stay imports of node_modules: better-sqlite3 loads its native addon, pino starts its
// transports from files, Bolt, exceljs and the rest are CommonJS that are loaded only by the
// commands that need them.
//
// Each module a worker thread runs is an entry point of its own (src/runtimePaths.ts finds it):
// a bundle keeps no src/ layout for `new URL('./x.ts', import.meta.url)` to be relative to.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = new Set(['zod', 'drizzle-orm']);

const ENTRY_POINTS = [
  'src/cli/main.ts',
  'src/jobs/jobWorker.ts',
  'src/jobs/registry.ts',
  'src/slack/readWorkers/readWorker.ts',
];

/** A bare import (`zod/mini`, `@slack/bolt`) stays external unless its package is in BUNDLED. */
const externalPackages = {
  name: 'external-packages',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:')) return { path, external: true };
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path, external: true };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ENTRY_POINTS,
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  plugins: [externalPackages],
  logLevel: 'warning',
});
