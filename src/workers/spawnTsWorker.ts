// Starts a worker thread on a TypeScript module. The bot runs from source through tsx (no build
// step), and Node 20 does not hand the main thread's loader hooks to workers, so each worker
// registers tsx itself before importing its module. Both are resolved to absolute URLs here, so
// the worker starts the same from any working directory. The worker gets the environment
// without secrets (workerEnvironment.ts), not the main thread's whole process.env.
import { Worker } from 'node:worker_threads';
import { workerEnvironment } from './workerEnvironment.ts';

const TSX_API = import.meta.resolve('tsx/esm/api');

export function spawnTsWorker(module: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData, env: workerEnvironment(process.env) });
}
