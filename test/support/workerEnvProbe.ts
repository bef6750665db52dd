// Worker for workerEnvironment.test.ts: reports the environment it was given.
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ ...process.env });
