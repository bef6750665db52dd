// Worker for threadPriority.test.ts: lowers its priority and reports what the OS says.
import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../../src/slack/readWorkers/threadPriority.ts';

const tid = lowerThisThreadPriority();
parentPort?.postMessage({ tid, priority: tid === undefined ? undefined : getPriority(tid) });
