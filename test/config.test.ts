import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { configProblems as problems } from './support/configProblems.ts';

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    const config = parseConfig({});
    expect(config.DATABASE_PATH).toBe('./data/reform-bot.db');
    expect(config.REFORM_TZ).toBe('Asia/Shanghai');
    expect(config.REFORM_LOCALE).toBe('zh-CN');
    expect(config.PORT).toBe(3000);
    expect(config.REFORM_YELLOW_WORKDAYS).toBe(3);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('names the variable and what is wrong, one line per problem', () => {
    const lines = problems({ REFORM_TZ: 'Mars/Olympus', REFORM_LOCALE: 'fr', PORT: 'eighty', SLACK_BOT_TOKEN: 'abc' });
    expect(lines).toHaveLength(4);
    expect(lines).toContain('REFORM_TZ: not an IANA time zone (e.g. Asia/Shanghai)');
    expect(lines).toContain('REFORM_LOCALE: must be zh-CN or en');
    expect(lines.find((l) => l.startsWith('PORT: '))).toBeDefined();
    expect(lines).toContain('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
  });

  it('has no fast clock unless FAST_CLOCK is set, and names a malformed one', () => {
    expect(parseConfig({}).FAST_CLOCK).toBeUndefined();
    expect(parseConfig({ FAST_CLOCK: '1440,2026-11-29T20:00:00+08:00,2026-05-01T10:00:00Z' }).FAST_CLOCK).toEqual({
      speed: 1440,
      start: new Date('2026-11-29T12:00:00Z'),
      realStart: new Date('2026-05-01T10:00:00Z'),
    });
    expect(problems({ FAST_CLOCK: 'soon' })).toEqual([
      expect.stringMatching(/^FAST_CLOCK: expected <speed>,<virtual start>/),
    ]);
  });

  it('treats empty Slack variables as unset and checks URLs', () => {
    expect(parseConfig({ SLACK_APP_TOKEN: '' }).SLACK_APP_TOKEN).toBeUndefined();
    expect(problems({ SLACK_API_URL: 'not a url' })).toEqual([
      'SLACK_API_URL: must be a URL such as https://slack.com/api/',
    ]);
    expect(parseConfig({ SLACK_API_URL: 'https://slack-gov.com/api/' }).SLACK_API_URL).toBe(
      'https://slack-gov.com/api/',
    );
  });

  it('reads READ_WORKERS under its former name ANSWER_WORKERS, the new name winning', () => {
    expect(parseConfig({}).READ_WORKERS).toBe(1);
    expect(parseConfig({ ANSWER_WORKERS: '0' }).READ_WORKERS).toBe(0);
    expect(parseConfig({ ANSWER_WORKERS: '0', READ_WORKERS: '2' }).READ_WORKERS).toBe(2);
    expect(problems({ ANSWER_WORKERS: 'many' })).toEqual([
      expect.stringMatching(/^ANSWER_WORKERS \(now READ_WORKERS\): /),
    ]);
  });

  it('accepts en and another time zone', () => {
    const config = parseConfig({ REFORM_LOCALE: 'en', REFORM_TZ: 'Europe/Berlin' });
    expect(config.REFORM_LOCALE).toBe('en');
    expect(config.REFORM_TZ).toBe('Europe/Berlin');
  });

  it('has the office target date of the forecast: 2020-12-31 unless set, a bad one named', () => {
    expect(parseConfig({}).OFFICE_TARGET_DATE).toBe('2020-12-31');
    expect(parseConfig({ OFFICE_TARGET_DATE: ' 2027-06-30 ' }).OFFICE_TARGET_DATE).toBe('2027-06-30');
    expect(problems({ OFFICE_TARGET_DATE: '2027-02-30' })).toEqual([
      'OFFICE_TARGET_DATE: not a date (YYYY-MM-DD, e.g. 2027-12-31)',
    ]);
  });
});
