// Shared set-up for the scheduler, catch-up and reminder tests: a migrated in-memory database,
// a config with defaults, and a silent logger.
import { type Config, parseConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { createLogger, type Logger } from '../../src/log.ts';

export function testDb(): Db {
  return openDatabase(':memory:');
}

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', ...env });
}

export function silentLog(): Logger {
  return createLogger({ level: 'silent' });
}
