// No log level prints a response_url, a token or a raw payload (issue 10, point 5). Bolt's Socket
// Mode client writes every WebSocket message at debug, and Bolt its request bodies in developer
// mode: sessions at level trace, with payloads holding a response_url, Slack's verification token
// and what a person typed, must leave none of the three in any captured line.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { boltLogger } from '../../src/slackApi/boltLogger.ts';
import { startHarness, startSocketHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { blockActions, slashCommand } from '../support/payloads.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { VERIFICATION_TOKEN } from '../support/workspace.ts';

const APP_TOKEN = 'xapp-1-A0REFORM-1234567890-PAYLOADappToken';
const BOT_TOKEN = 'xoxb-1234-5678-PAYLOADbotToken';
/** Words a person typed: a payload's content, which no line may carry. */
const TYPED = 'stats 机密措辞-PAYLOAD-TEXT';

function captured(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

/** Lines carrying any of the needles. */
const carrying = (lines: readonly string[], needles: readonly string[]) =>
  lines.filter((line) => needles.some((n) => line.includes(n)));

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

describe("Bolt's logger", () => {
  it('writes a raw request body (developer mode) as its kind and id, without response_url, token or text', () => {
    const { log, lines } = captured();
    const body = slashCommand({
      user_id: PEOPLE.admin,
      channel_id: 'C0REFORM',
      text: TYPED,
      response_url: 'https://hooks.slack.com/commands/T0REFORM/1234/SECRETresponsePath',
    });
    const bolt = boltLogger(log);
    bolt.debug(JSON.stringify(body));
    bolt.debug('token=', BOT_TOKEN, body);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('[payload command=/reform');
    expect(
      carrying(lines, ['SECRETresponsePath', 'hooks.slack.com', VERIFICATION_TOKEN, 'PAYLOAD-TEXT', 'PAYLOADbotToken']),
    ).toEqual([]);
  });

  it('builds no line below the level', () => {
    const { log, lines } = captured('info');
    let built = false;
    boltLogger(log).debug({
      toJSON: () => {
        built = true;
        return {};
      },
    });
    expect([lines, built]).toEqual([[], false]);
  });
});

describe('Socket Mode at level trace', () => {
  it('logs the traffic by envelope, never a response_url, the verification token or what was typed', async () => {
    standIn.reset();
    const { log, lines } = captured();
    const app = await startSocketHarness({ standIn, appToken: APP_TOKEN, log });
    const { socket } = app;
    const commandUrl = standIn.responseUrl('socket-payload-command');
    const clickUrl = standIn.responseUrl('socket-payload-click');
    try {
      socket.send({
        envelope_id: 'env-cmd',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand({ user_id: PEOPLE.admin, channel_id: 'C0REFORM', text: TYPED, response_url: commandUrl }),
      });
      await standIn.waitFor('response_url', (c) => c.responseUrlId === 'socket-payload-command', 5000);
      socket.send({
        envelope_id: 'env-click',
        type: 'interactive',
        accepts_response_payload: false,
        payload: blockActions({
          user_id: PEOPLE.admin,
          action_id: ACTIONS.itemMarkDone,
          value: 'garbage',
          source: { kind: 'home' },
          response_url: clickUrl,
        }),
      });
      await socket.waitFor((m) => m.envelope_id === 'env-click');
    } finally {
      await app.close();
    }
    const all = lines.join('\n');
    expect(all).toContain('envelope_id=env-cmd'); // the socket traffic was logged, by its envelope
    expect(all).toContain('envelope_id=env-click');
    expect(
      carrying(lines, [
        commandUrl,
        clickUrl,
        '/response/',
        VERIFICATION_TOKEN,
        'PAYLOAD-TEXT',
        'PAYLOADbotToken',
        'PAYLOADappToken',
      ]),
    ).toEqual([]);
  });
});

describe('the HTTP app and its request log at level trace', () => {
  it('logs each request, never its response_url, the verification token or what was typed', async () => {
    const h = await startHarness({ logLevel: 'trace' });
    try {
      const answered = await h.slash(PEOPLE.admin, TYPED);
      expect(answered.shown).toBeTruthy();
      await expect.poll(() => h.logs.join('')).toContain('"msg":"slack request"');
      expect(carrying(h.logs, [h.standIn.responseUrl(''), VERIFICATION_TOKEN, 'PAYLOAD-TEXT'])).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
