// Registers every listener. One callback per file under commands/, actions/, views/, events/.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  void app;
  void deps;
}
