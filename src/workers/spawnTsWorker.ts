// Starts a worker thread on a module of the bot: dist/*.js from the build, or src/*.ts when the
// source runs through tsx (tests, scripts). Node 20 does not hand the main thread's loader hooks
// to workers, so a worker on a .ts module registers tsx itself before importing it; tsx is a
// development dependency, resolved only then. Both are absolute URLs, so the worker starts the
// same from any working directory. The worker gets the environment without secrets
// (workerEnvironment.ts), not the main thread's whole process.env.
import { Worker } from 'node:worker_threads';
import { workerEnvironment } from './workerEnvironment.ts';

export function spawnTsWorker(module: URL, workerData: unknown): Worker {
  const env = workerEnvironment(process.env);
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData, env });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData, env });
}
