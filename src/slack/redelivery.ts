// Slack redelivers a request it thinks was not acknowledged: `x-slack-retry-num` over HTTP,
// `retry_attempt` in Socket Mode; Bolt puts either in context.retryNum. Changes are made
// idempotent by their request keys (action:<ts>, view:<id>, cmd:<trigger_id>); this is for the
// few saves without such a key, so a redelivery that finds its work done stays silent.

/** True for a redelivery of a request Slack already sent once. */
export function isSlackRedelivery(context: { retryNum?: number } | undefined): boolean {
  return (context?.retryNum ?? 0) > 0;
}
