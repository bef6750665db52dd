// The /reform help builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { buildHelp } from '../../../src/blocks/commands/help.ts';
import { LOCALES } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

describe.each(LOCALES)('the help builder in %s', (locale) => {
  const t = translator(locale);

  it('help lists every subcommand, and names an unknown one escaped', () => {
    const help = buildHelp(t);
    expect(messageProblems(help)).toEqual([]);
    for (const sub of locale === 'en'
      ? ['help', 'item', 'update', 'plan', 'mine', 'stats']
      : ['帮助', '事项', '更新', '方案', '我的', '统计']) {
      expect(shownText(help)).toContain(`/reform ${sub}`);
    }
    const unknown = buildHelp(t, '<!here>');
    expect(shownText(unknown)).toContain('&lt;!here&gt;');
    expect(shownText(unknown)).not.toContain('<!here>');
  });
});
