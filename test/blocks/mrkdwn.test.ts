// Slash text in, mrkdwn out: unescaped once, escaped once, so text round-trips.
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, unescapeSlackText } from '../../src/blocks/mrkdwn.ts';

describe('unescapeSlackText', () => {
  it('turns the three entities Slack writes back into what was typed, once', () => {
    expect(unescapeSlackText('&lt;b&gt; &amp; 🚀 中文 עברית')).toBe('<b> & 🚀 中文 עברית');
    // A typed `&amp;` arrives as `&amp;amp;` and stays `&amp;`: one pass, not until nothing changes.
    expect(unescapeSlackText('&amp;amp; &amp;lt;')).toBe('&amp; &lt;');
  });

  it('leaves other text and other entities alone', () => {
    expect(unescapeSlackText('P1#3 done &quot;ok&quot; &#39; & <')).toBe('P1#3 done &quot;ok&quot; &#39; & <');
  });

  it('round-trips with escapeMrkdwn for any typed text', () => {
    for (const typed of ['<b> & 🚀 中文 עברית', '&amp;', '<!channel> <@U1>', 'a&&b<<>>']) {
      expect(unescapeSlackText(escapeMrkdwn(typed))).toBe(typed);
    }
  });
});
