// The worker's response_url post: the same JSON body Bolt's respond() sends, and a refusal or a
// non-http URL reported as an error (so the caller knows the answer did not arrive).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/blocks/parts/index.ts';
import { postEphemeral } from '../../src/slack/postResponse.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

const MESSAGE: SlackMessage = {
  text: '事项 P1#1 <@U1>',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '🔴 已逾期' } }],
};

describe('postEphemeral', () => {
  it('posts an ephemeral, non-replacing JSON answer with text and blocks', async () => {
    await postEphemeral(standIn.responseUrl('r1'), MESSAGE);
    const [call] = standIn.callsTo('response_url');
    expect(call).toMatchObject({
      responseUrlId: 'r1',
      encoding: 'json',
      args: { response_type: 'ephemeral', replace_original: false, text: MESSAGE.text, blocks: MESSAGE.blocks },
    });
  });

  it('reuses one connection for answers in a row', async () => {
    for (let i = 0; i < 3; i++) await postEphemeral(standIn.responseUrl(`k${i}`), MESSAGE);
    expect(standIn.callsTo('response_url')).toHaveLength(3);
  });

  it('rejects with the status when Slack refuses the answer (an expired response_url)', async () => {
    standIn.failNext('response_url', 1, { kind: 'http', status: 404, body: 'expired_url' });
    await expect(postEphemeral(standIn.responseUrl('gone'), MESSAGE)).rejects.toThrow(
      'response_url answered 404: expired_url',
    );
  });

  it('rejects a dropped connection and a URL that is not http(s)', async () => {
    standIn.failNext('response_url', 1, { kind: 'drop' });
    await expect(postEphemeral(standIn.responseUrl('dropped'), MESSAGE)).rejects.toThrow();
    await expect(postEphemeral('file:///etc/passwd', MESSAGE)).rejects.toThrow('response_url is not http(s): file:');
  });
});
