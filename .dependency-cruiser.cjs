/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle makes a change in one module ripple back into itself.',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The rules (src/domain) take their inputs as arguments: no database, Slack, jobs or CLI.',
      from: { path: '^src/domain' },
      to: { path: '^src/(db|store|slack|jobs|outbox|cli|ledger|spool|lease|health)/' },
    },
    {
      name: 'store-below-slack',
      severity: 'error',
      comment: 'Queries (src/store) serve the Slack app, the jobs and the CLI; they never reach up into them.',
      from: { path: '^src/store' },
      to: { path: '^src/(slack|jobs|outbox|cli)/' },
    },
    {
      name: 'ledger-files-below-slack',
      severity: 'error',
      comment: 'Reading and writing ledger files (src/ledger) is shared by the CLI and never needs Slack or the jobs.',
      from: { path: '^src/ledger' },
      to: { path: '^src/(slack|jobs|outbox)/' },
    },
    {
      name: 'nothing-reaches-into-the-bolt-app',
      severity: 'error',
      comment:
        'src/slack is the Bolt app (listeners, receivers, read workers): only main.ts and the CLI start command build on it.',
      from: {
        path: '^src/(blocks|slackApi|workers|jobs|outbox|store|ledger|domain|db|health|lease|spool|files|org|i18n)/',
      },
      to: { path: '^src/slack/' },
    },
    {
      name: 'blocks-are-builders',
      severity: 'error',
      comment: 'Block Kit builders (src/blocks) turn data into messages; they never send, schedule or run a command.',
      from: { path: '^src/blocks' },
      to: { path: '^src/(slackApi|jobs|outbox|cli|workers|health|lease|spool)/' },
    },
    {
      name: 'chart-draws-only',
      severity: 'error',
      comment: 'The progress chart (src/chart) turns figures into a picture; it reads no database and calls no Slack.',
      from: { path: '^src/chart' },
      to: { path: '^src/(db|store|slack|slackApi|jobs|outbox|cli|ledger|spool|lease|health|blocks)/' },
    },
    {
      name: 'web-api-helpers-stand-alone',
      severity: 'error',
      comment:
        'Web API helpers (src/slackApi: the poster, error verdicts, identity, Bolt logger) serve the outbox and the app alike.',
      from: { path: '^src/slackApi' },
      to: { path: '^src/(blocks|jobs|outbox|cli|store|db|health)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
