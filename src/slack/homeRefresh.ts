// Publishes App Home tabs: when a person opens theirs, and after a change that concerns them
// (their item, their group's plan, the office figures), so nobody reads a stale Home.
//
// Building a Home reads the person's share of the ledger (thousands of rows at national scale),
// so it is done by a worker when the bot has them (its own home builder, else a read worker,
// src/slack/readWorkers/): the main thread only finds the person's language and posts views.publish
// with the view the worker sent back (the worker holds no Slack token). Refreshes after changes go through the coalescing refresher
// (homeRefresher.ts): a listener asks and returns at once.
import type { types, webApi } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';
import { buildHomeView, type HomeBuildTask } from './homeBuild.ts';
import { type HomeRefresher, startHomeRefresher } from './homeRefresher.ts';
import { localeFor } from './locale.ts';
import { ReadWorkerError } from './readWorkers/readPool.ts';

/**
 * At most this many Homes per change. The most concerned come first (actor, group, departments,
 * admins); views.publish allows 100+ calls a minute, and one status change should not spend it.
 */
const HOME_REFRESH_CAP = 50;

/**
 * The view, from a worker when one takes it (as JSON text); on this thread when there is none
 * (or it is gone).
 */
async function buildView(deps: SlackDeps, task: HomeBuildTask, signal?: AbortSignal): Promise<types.HomeView | string> {
  const pool = deps.homeBuilder ?? deps.readWorkers;
  if (pool) {
    try {
      return await pool.buildHome(task);
    } catch (error) {
      // Nothing was posted by the worker (it never posts a Home): building here is safe.
      if (!(error instanceof ReadWorkerError && error.workerGone)) throw error;
      // Shutting down (the pool closed under a refresh the refresher gave up on): not here either.
      signal?.throwIfAborted();
      deps.log.warn({ reason: error.message }, 'read worker unavailable: App Home built on the main thread');
    }
  }
  return buildHomeView(deps, task);
}

/** `signal`: set by the refresher, aborted when shutdown stopped waiting for this refresh. */
export async function publishHome(
  client: webApi.WebClient,
  deps: SlackDeps,
  userId: string,
  signal?: AbortSignal,
): Promise<void> {
  const locale = await localeFor(client, deps, userId);
  signal?.throwIfAborted();
  const view = await buildView(deps, { userId, locale, nowMs: deps.now().getTime() }, signal);
  signal?.throwIfAborted();
  // WebClient form-encodes an object argument with JSON.stringify and sends a string as it is, so
  // a worker's JSON text reaches Slack unchanged without being parsed here.
  await client.views.publish({ user_id: userId, view: view as types.HomeView });
}

/** The bot's refresher; createSlackApp starts it with the app's own client and stops it. */
export function startAppHomeRefresher(client: webApi.WebClient, deps: SlackDeps): HomeRefresher {
  return startHomeRefresher({
    windowMs: deps.config.HOME_REFRESH_WINDOW_MS,
    maxPending: deps.config.HOME_REFRESH_MAX_PENDING,
    concurrency: deps.config.HOME_REFRESH_CONCURRENCY,
    refresh: (userId, signal) => publishHome(client, deps, userId, signal),
    log: deps.log,
  });
}

/**
 * Asks for the Homes of `userIds` (the most concerned first) to be re-published soon, capped per
 * change. Returns at once: listeners never wait for a Home (nor for Slack) before they are done.
 */
export function refreshHomesLater(deps: SlackDeps, userIds: readonly string[]): void {
  deps.homes?.request([...new Set(userIds)].slice(0, HOME_REFRESH_CAP));
}
