// Registers the supervision-round listeners: the self-check button and the modal submission.
// Called from src/slack/listeners/index.ts (registerListeners).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTIONS, VIEWS } from '../../ids.ts';
import { roundSelfCheckSubmission } from '../views/roundSelfCheck.ts';
import { cachedLocaleOf, type LocaleOf, roundSelfCheckAction } from './roundSelfCheck.ts';

export interface RoundListenerOptions {
  /** The app's per-person language resolver; defaults to the cached Slack locale. */
  localeOf?: LocaleOf;
}

export function registerRoundListeners(app: App, deps: SlackDeps, options: RoundListenerOptions = {}): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.roundSelfCheck, roundSelfCheckAction(deps, options.localeOf ?? cachedLocaleOf(deps)));
  app.view(VIEWS.roundSelfCheck, roundSelfCheckSubmission(deps));
}
