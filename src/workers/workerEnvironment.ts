// What a worker thread sees as process.env. By default Node gives a worker a copy of the whole
// environment (and `.env` was loaded into it at start), so a thread that builds answers from the
// ledger would hold the bot token, the signing secret and the app token. Read workers post to
// a response_url, which is its own credential (postResponse.ts), and get their settings through
// workerData with the secrets already removed (readPool.ts): they need none of these, so a bug
// or a dependency in a worker cannot leak what it does not have.

/** Every Slack setting (tokens, signing secret: none is a worker's business), by prefix. */
const SLACK_PREFIX = 'SLACK_';

/** Names that by convention hold a credential, whatever else the host puts in the environment. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY|AUTH/i;

function isSecretVariable(name: string): boolean {
  return name.toUpperCase().startsWith(SLACK_PREFIX) || SECRET_NAME.test(name);
}

/** A copy of `env` without the variables a worker must not hold. */
export function workerEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isSecretVariable(name)) kept[name] = value;
  }
  return kept;
}
