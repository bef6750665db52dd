// GET /healthz: 200 with a small JSON when the database answers, 503 otherwise.
import type { CustomRoute } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';

export function healthRoute(deps: SlackDeps): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      let body: Record<string, unknown>;
      let status = 200;
      try {
        const row = deps.db.$client.prepare("select count(*) as pending from outbox where state = 'pending'").get() as { pending: number };
        body = { ok: true, database: 'ok', outboxPending: row.pending };
      } catch (error) {
        status = 503;
        body = { ok: false, database: 'unreachable', error: (error as Error).message };
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}
