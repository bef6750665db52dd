#!/usr/bin/env node
// The same command from the TypeScript in src/, through tsx: what tests, the chaos and contention
// runs and the benchmarks start, so they always run the code as it is now, built or not.
import { register } from 'tsx/esm/api';

register();
const { runCliProcess } = await import('../src/cli/main.ts');
process.exitCode = await runCliProcess(process.argv.slice(2));
