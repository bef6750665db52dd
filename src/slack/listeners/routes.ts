// Listeners by id, registered as one Bolt listener per kind. Bolt runs every registered
// listener's filters for every request it receives, before any listener can ack: with one Bolt
// listener per button and form (17 in all) that fan-out was most of the bot's extra work and
// garbage on the thread that acknowledges (measured in bench/ack.ts). Here each kind is one
// listener that matches all its ids with one regular expression and hands the request to the
// handler for its id.
import type {
  App,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

// Handlers are typed for their own payload (a button, a select); the id they are stored under
// is what guarantees that payload, so the table holds them loosely.
// biome-ignore lint/suspicious/noExplicitAny: each handler is typed for its own payload, which its id guarantees
type AnyHandler = Middleware<any>;

export interface Routes {
  /** Block actions by action_id. */
  actions?: Record<string, AnyHandler>;
  /** View submissions by callback_id. */
  views?: Record<string, AnyHandler>;
  /** External-select suggestions by action_id. */
  options?: Record<string, AnyHandler>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches exactly one of the ids. */
export function anyOf(ids: readonly string[]): RegExp {
  return new RegExp(`^(?:${ids.map(escapeRegExp).join('|')})$`);
}

/** Several route tables as one; an id given twice is a programming error. */
export function mergeRoutes(...tables: Routes[]): Routes {
  const merged: Required<Routes> = { actions: {}, views: {}, options: {} };
  for (const table of tables) {
    for (const kind of ['actions', 'views', 'options'] as const) {
      for (const [id, handler] of Object.entries(table[kind] ?? {})) {
        if (merged[kind][id]) throw new Error(`two listeners for ${kind} id ${id}`);
        merged[kind][id] = handler;
      }
    }
  }
  return merged;
}

export function registerRoutes(app: App, routes: Routes): void {
  const { actions = {}, views = {}, options = {} } = routes;
  if (Object.keys(actions).length > 0) {
    app.action(
      { action_id: anyOf(Object.keys(actions)) },
      (args: SlackActionMiddlewareArgs & { next: () => Promise<void> }) => {
        const id = (args.payload as { action_id?: string }).action_id ?? '';
        return (actions[id] as AnyHandler)(args as never);
      },
    );
  }
  if (Object.keys(views).length > 0) {
    app.view(anyOf(Object.keys(views)), (args: SlackViewMiddlewareArgs) =>
      (views[args.view.callback_id] as AnyHandler)(args as never),
    );
  }
  if (Object.keys(options).length > 0) {
    app.options({ action_id: anyOf(Object.keys(options)) }, (args: SlackOptionsMiddlewareArgs) => {
      const id = (args.payload as { action_id?: string }).action_id ?? '';
      return (options[id] as AnyHandler)(args as never);
    });
  }
}
