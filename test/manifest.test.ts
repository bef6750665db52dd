// manifest.yml is what Slack installs: validate it against Slack's own manifest schema (vendored
// under test/fixtures so that a clean clone needs no network) and pin the parts features rely on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import { BOT_SCOPES } from './support/workspace.ts';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const schemaDir = './fixtures/slack-manifest-schema/';
const SCHEMA_URL = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

/** Exactly these bot scopes; each must also carry a comment in manifest.yml saying why. */
const EXPECTED_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'channels:read',
  'groups:read',
  'files:read',
  'files:write',
];

function manifestValidator() {
  // The schemas are draft-07 (Ajv's default draft) and use non-standard keywords, hence strict: false.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // `regex` is Slack's own keyword (background_color); enforce it rather than let Ajv ignore it.
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
  });
  ajv.addSchema(
    JSON.parse(read(`${schemaDir}schemas/manifest.schema.1.0.0.json`)),
    `${SCHEMA_URL}manifest.schema.1.0.0.json`,
  );
  ajv.addSchema(
    JSON.parse(read(`${schemaDir}schemas/manifest.schema.2.0.0.json`)),
    `${SCHEMA_URL}manifest.schema.2.0.0.json`,
  );
  const validate = ajv.compile(JSON.parse(read(`${schemaDir}manifest.schema.json`)));
  return (value: unknown) => {
    const ok = validate(value);
    return { ok, errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
  };
}

type Manifest = {
  display_information: { name: string; description: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; url: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
    token_rotation_enabled: boolean;
  };
};

const source = read('../manifest.yml');
const manifest = parse(source) as Manifest;
const validate = manifestValidator();

describe('manifest.yml', () => {
  it("is valid against Slack's manifest schema", () => {
    const result = validate(manifest);
    expect(result.errors).toBe('No errors');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['an unknown settings key', (m: Manifest) => Object.assign(m.settings, { socket_mode: true })],
    ['a description over 140 characters', (m: Manifest) => (m.display_information.description = 'x'.repeat(141))],
    ['a command without a slash', (m: Manifest) => (m.features.slash_commands[0]!.command = 'reform')],
    [
      'a background colour that is not #rgb',
      (m: Manifest) => Object.assign(m.display_information, { background_color: 'red' }),
    ],
  ])('the validator really validates: it rejects %s', (_name, spoil) => {
    const copy = structuredClone(manifest);
    spoil(copy);
    expect(validate(copy).ok).toBe(false);
  });

  it('asks for exactly the expected bot scopes and no user scopes', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(new Set(scopes).size).toBe(scopes.length);
    expect([...scopes].sort()).toEqual([...EXPECTED_BOT_SCOPES].sort());
    expect([...BOT_SCOPES].sort()).toEqual([...EXPECTED_BOT_SCOPES].sort()); // what the stand-in reports
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('explains every bot scope in a comment', () => {
    const doc = parseDocument(source);
    const bot = doc.getIn(['oauth_config', 'scopes', 'bot'], true);
    expect(isSeq(bot)).toBe(true);
    if (!isSeq(bot)) return;
    bot.items.forEach((item, i) => {
      // yaml attaches the comment above the first item to the sequence itself.
      const comment = (i === 0 ? bot.commentBefore : isScalar(item) ? item.commentBefore : undefined) ?? '';
      expect(comment.trim().length, `comment for ${String(item)}`).toBeGreaterThan(10);
    });
  });

  it('declares /reform with its usage hint, pointed at the Bolt endpoint', () => {
    const reform = manifest.features.slash_commands.find((c) => c.command === '/reform');
    expect(reform).toMatchObject({
      url: 'https://example.org/slack/events',
      usage_hint: 'help | item P1#3 | update P1#3 done 说明 | plan P1 | mine | stats | central | round 3 P1',
    });
    expect(reform?.description).toMatch(/[\u4e00-\u9fff]/);
    expect(reform?.description).toMatch(/[A-Za-z]{4}/);
  });

  it('has the Home tab, the Messages tab and the app_home_opened event', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.features.bot_user).toEqual({ display_name: '改革督察 reform-bot', always_online: true });
  });

  it('routes events and interactivity to the same endpoint, with the agreed settings', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://example.org/slack/events');
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://example.org/slack/events',
    });
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: true,
      org_deploy_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('parses without YAML errors or duplicate keys', () => {
    const doc = parseDocument(source, { uniqueKeys: true });
    expect(doc.errors).toEqual([]);
    expect(isMap(doc.contents)).toBe(true);
  });
});
