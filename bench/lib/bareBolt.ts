// The yardstick: a Bolt app behind the same HTTPReceiver that only acknowledges /reform.
// Whatever the real bot adds on top of this is the bot's own cost.
import { App, HTTPReceiver } from '@slack/bolt';

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
const app = new App({
  receiver: new HTTPReceiver({ signingSecret, endpoints: '/slack/events' }),
  token: process.env.SLACK_BOT_TOKEN,
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/reform', async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
