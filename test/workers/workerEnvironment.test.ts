// Read workers run without the bot's secrets (issue 10, point 5): a worker started the way the
// answer pool starts one (spawnTsWorker) sees no Slack token, signing secret or app token.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTsWorker } from '../../src/workers/spawnTsWorker.ts';
import { workerEnvironment } from '../../src/workers/workerEnvironment.ts';

const PLANTED = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-planted',
  SLACK_SIGNING_SECRET: 'planted-signing-secret',
  SLACK_APP_TOKEN: 'xapp-1-planted',
  OTHER_SERVICE_PASSWORD: 'planted-password',
  REFORM_PROBE_KEPT: 'visible',
};

afterEach(() => {
  for (const name of Object.keys(PLANTED)) delete process.env[name];
});

describe('read worker environment', () => {
  it('drops Slack settings and credential-named variables, keeps the rest', () => {
    expect(workerEnvironment({ ...PLANTED, PATH: '/bin', TZ: 'Asia/Shanghai', EMPTY: undefined })).toEqual({
      REFORM_PROBE_KEPT: 'visible',
      PATH: '/bin',
      TZ: 'Asia/Shanghai',
    });
  });

  it('a spawned worker sees no secret of the main thread', async () => {
    Object.assign(process.env, PLANTED);
    const worker = spawnTsWorker(new URL('../support/workerEnvProbe.ts', import.meta.url), undefined);
    try {
      const seen = await new Promise<Record<string, string>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(seen.REFORM_PROBE_KEPT).toBe('visible');
      const leaked = Object.entries(seen).filter(
        ([, value]) => Object.values(PLANTED).includes(value) && value !== 'visible',
      );
      expect(leaked).toEqual([]);
      expect(Object.keys(seen).filter((name) => name.startsWith('SLACK_'))).toEqual([]);
    } finally {
      await worker.terminate();
    }
  });
});
