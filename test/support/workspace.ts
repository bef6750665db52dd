// Identifiers of the fictional workspace that the stand-in and the payload builders share,
// so that auth.test, event authorizations and payload `team`/`api_app_id` fields agree.

export const TEAM_ID = 'T0REFORM';
export const TEAM_DOMAIN = 'reform-test';
export const TEAM_NAME = 'Reform Office (test)';
export const API_APP_ID = 'A0REFORM';
export const BOT_ID = 'B0REFORM';
export const BOT_USER_ID = 'U0REFORMBOT';
export const BOT_TOKEN = 'xoxb-test';
export const SIGNING_SECRET = 'test-signing-secret';
/** The deprecated verification token Slack still sends in bodies; Bolt ignores it. */
export const VERIFICATION_TOKEN = 'verification-token-unused';
/**
 * Default for `response_url` when a test gives none: a loopback discard port, so an
 * unexpected `respond()` fails fast on this machine instead of reaching the internet.
 */
export const UNCONFIGURED_RESPONSE_URL = 'http://127.0.0.1:9/response_url/not-configured';
/** The bot scopes of manifest.yml; the stand-in reports them in `x-oauth-scopes`. */
export const BOT_SCOPES: readonly string[] = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'channels:read',
  'groups:read',
  'files:read',
  'files:write',
];
