// The one way to answer the person: ephemeral or in place through the response_url when the
// request carried one, a DM with the app when it did not (a button on the Home tab).
import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/blocks/parts/index.ts';
import { type AnswerTarget, answer, answerTargetOf, type ResponseBody } from '../../src/slack/respond.ts';

const MESSAGE: SlackMessage = {
  text: '已更新 P1#3',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '已更新 P1#3' } }],
};

function recorder() {
  const responses: ResponseBody[] = [];
  const dms: { channel: string; text: string }[] = [];
  const client = {
    chat: {
      postMessage: async (args: { channel: string; text: string }) => {
        dms.push({ channel: args.channel, text: args.text });
        return { ok: true };
      },
    },
  };
  const respond = async (body: ResponseBody) => {
    responses.push(body);
  };
  return { responses, dms, client, respond };
}

describe('answer', () => {
  it('with a response_url: ephemeral below the message, not replacing it', async () => {
    const r = recorder();
    await answer(
      answerTargetOf({
        respond: r.respond,
        client: r.client,
        userId: 'U1',
        responseUrl: 'https://hooks.slack.test/r/1',
      }),
      MESSAGE,
    );
    expect(r.responses).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: MESSAGE.text, blocks: MESSAGE.blocks },
    ]);
    expect(r.dms).toEqual([]);
  });

  it('with a response_url and replace: in place of the message clicked', async () => {
    const r = recorder();
    await answer(
      answerTargetOf({
        respond: r.respond,
        client: r.client,
        userId: 'U1',
        responseUrl: 'https://hooks.slack.test/r/1',
      }),
      MESSAGE,
      { replace: true },
    );
    expect(r.responses).toEqual([{ replace_original: true, text: MESSAGE.text, blocks: MESSAGE.blocks }]);
    expect(r.dms).toEqual([]);
  });

  it('without a response_url (App Home): a DM to the person, even when asked to replace', async () => {
    const r = recorder();
    // Bolt still passes a respond function; it cannot work without a response_url.
    const target: AnswerTarget = answerTargetOf({
      respond: r.respond,
      client: r.client,
      userId: 'U2',
      responseUrl: undefined,
    });
    await answer(target, MESSAGE);
    await answer(target, MESSAGE, { replace: true });
    expect(r.responses).toEqual([]);
    expect(r.dms).toEqual([
      { channel: 'U2', text: MESSAGE.text },
      { channel: 'U2', text: MESSAGE.text },
    ]);
  });

  it("a change saved later with its kept response_url: that URL's poster, not Bolt's respond", async () => {
    const r = recorder();
    // src/slack/pendingChangeDrainer.ts: respond is postResponseBody bound to the spooled response_url.
    await answer(
      answerTargetOf({
        respond: r.respond,
        client: r.client,
        userId: 'U4',
        responseUrl: 'https://hooks.slack.test/r/4',
      }),
      MESSAGE,
    );
    expect(r.responses).toHaveLength(1);
    expect(r.dms).toEqual([]);
  });

  it('with no respond at all (a change saved later, from the spool): a DM', async () => {
    const r = recorder();
    await answer(answerTargetOf({ client: r.client, userId: 'U3', responseUrl: undefined }), MESSAGE);
    expect(r.dms).toEqual([{ channel: 'U3', text: MESSAGE.text }]);
  });
});
