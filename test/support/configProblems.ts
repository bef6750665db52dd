// The lines parseConfig refuses an environment with ([] when it accepts it), for config tests.
import { ConfigError, parseConfig } from '../../src/config.ts';

export function configProblems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
