// A read worker lowers its own thread's priority, not the process's: the main thread (acks)
// keeps its own. Run in a fresh worker thread so the test runner's thread is left alone.
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { COMMAND_THREAD_NICENESS } from '../../../src/slack/readWorkers/threadPriority.ts';
import { spawnTsWorker } from '../../../src/workers/spawnTsWorker.ts';

describe.runIf(process.platform === 'linux')('lowerThisThreadPriority', () => {
  it('lowers the calling thread to niceness 10 and leaves the process (main thread) as it was', async () => {
    const before = getPriority();
    const worker = spawnTsWorker(new URL('../../support/threadPriorityProbe.ts', import.meta.url), undefined);
    const reported = await new Promise<{ tid: number; priority: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reported.tid).not.toBe(process.pid);
    expect(reported.priority).toBe(COMMAND_THREAD_NICENESS);
    expect(getPriority()).toBe(before);
  });
});
