// Where the running code finds its files: the source run through tsx (src/*.ts: tests, scripts)
// or the build (dist/, bundled by esbuild.config.mjs: `npm start`, the bin). In the bundle a
// module's code may sit in any chunk, so paths are found from the package root, not from
// `import.meta.url` alone.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** True when this module is the TypeScript source, false in dist/. */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

let root: string | undefined;

/** The folder of package.json (src/ and dist/ are both directly below it). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return root;
}

/**
 * A module a worker thread runs, by its path below src/ without extension (`jobs/jobWorker`):
 * src/jobs/jobWorker.ts from source, dist/jobs/jobWorker.js (an entry point of the build) else.
 */
export function entryModuleUrl(path: string): URL {
  const file = RUNNING_FROM_SOURCE ? join('src', `${path}.ts`) : join('dist', `${path}.js`);
  return pathToFileURL(join(packageRoot(), file));
}
