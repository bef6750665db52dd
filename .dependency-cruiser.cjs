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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
