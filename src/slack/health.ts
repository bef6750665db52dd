// GET /healthz: 200 with a small JSON when the database can take a write and the disk has room,
// 503 with the reason otherwise (src/health/healthCheck.ts). The probe waits for a busy database
// on timers, so a slow answer here never holds up Slack's acknowledgements.
import type { CustomRoute } from '@slack/bolt';
import { createHealthCheck, type HealthCheck } from '../health/healthCheck.ts';
import type { SlackDeps } from './deps.ts';

export function healthRoute(deps: SlackDeps): CustomRoute {
  const health: HealthCheck =
    deps.health ?? createHealthCheck({ db: deps.db, minFreeMb: deps.config.HEALTH_MIN_FREE_MB });
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void health.check(deps.now()).then((report) => {
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      });
    },
  };
}
