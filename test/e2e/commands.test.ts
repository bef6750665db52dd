// /reform end to end: signed slash commands through the real HTTPReceiver, answers recorded by
// the Slack stand-in, every subcommand in both languages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../slack/commands/harness.ts';
import { PEOPLE } from '../slack/commands/seed.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.standIn.setUserLocale(PEOPLE.admin, 'zh-CN');
});

describe('/reform help', () => {
  it('acknowledges at once with an empty 200 and answers ephemerally in Chinese', async () => {
    const a = await h.slash(PEOPLE.admin, '帮助');
    expect(a.http.status).toBe(200);
    expect(a.ephemeral).toBe(true);
    expect(a.shown).toContain('/reform 事项 P1#3');
  });
});
