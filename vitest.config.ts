import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/support/longFilesFirst.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Child processes of the bot and the CLI run dist/, built once here before any file runs.
    globalSetup: ['test/support/buildOnce.ts'],
    // Tests open their own SQLite files in temp folders; forks keep native handles isolated.
    pool: 'forks',
    sequence: { sequencer: LongFilesFirst },
    // Vitest's default leaves one core free, which on a 2-core CI machine runs the files one at a
    // time; most of our slow files wait on child processes and sockets, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
