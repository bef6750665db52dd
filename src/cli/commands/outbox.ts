// `reform-bot outbox [--failed] [--json] [--limit n] [--retry <ids|all>]`: what the dispatcher has
// not delivered, and why; --retry puts failed messages back in the queue once the cause is fixed.
import { formatInstant } from '../../ledger/roundWorkbookFormat.ts';
import { countByState, listOutbox, type OutboxState, requeueFailed } from '../../store/outboxQueue.ts';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { renderTable } from '../textTable.ts';

export const outboxCommand: CliCommand = {
  name: 'outbox',
  usage: 'reform-bot outbox [--failed] [--json] [--limit <n>] [--retry <id,id...|all>]',
  help: (t) => t('cli.outbox.help'),
  options: {
    failed: { type: 'boolean' },
    json: { type: 'boolean' },
    limit: { type: 'string' },
    retry: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const { t, io } = ctx;
    const db = ctx.db();
    const retry = values.retry as string | undefined;
    if (retry !== undefined) {
      const ids = retry === 'all' ? 'all' : retry.split(',').map((s) => s.trim());
      if (ids !== 'all' && (ids.length === 0 || ids.some((s) => !/^\d+$/.test(s)))) {
        io.err(t('cli.outbox.badRetry', { value: retry }));
        return EXIT_USAGE;
      }
      const count = requeueFailed(db, ids === 'all' ? 'all' : ids.map(Number), ctx.now);
      io.out(t('cli.outbox.retried', { count }));
      return EXIT_OK;
    }
    const limitText = (values.limit as string | undefined) ?? '200';
    if (!/^[1-9]\d*$/.test(limitText)) {
      io.err(t('cli.outbox.badLimit', { value: limitText }));
      return EXIT_USAGE;
    }
    const states: OutboxState[] = values.failed ? ['failed'] : ['pending', 'sending', 'failed'];
    const rows = listOutbox(db, { states, limit: Number(limitText) });
    const counts = countByState(db);
    if (values.json) {
      const out = rows.map((r) => ({
        id: r.id,
        state: r.state,
        kind: r.kind,
        target: r.target,
        attempts: r.attempts,
        lastError: r.lastError,
        nextAttemptAt: r.nextAttemptAt,
        sendingSince: r.sendingSince,
        createdAt: r.createdAt,
        idempotencyKey: r.idempotencyKey,
        parentId: r.parentId,
      }));
      io.out(JSON.stringify({ counts, rows: out }, null, 2));
      return EXIT_OK;
    }
    io.out(t('cli.outbox.counts', counts));
    if (rows.length === 0) {
      io.out(t('cli.outbox.empty'));
      return EXIT_OK;
    }
    // Times as the office's clock reads them (the header names the zone); --json keeps ISO instants.
    const zone = ctx.config.REFORM_TZ;
    const when = (r: (typeof rows)[number]) =>
      formatInstant(r.state === 'sending' ? r.sendingSince : r.state === 'pending' ? r.nextAttemptAt : null, zone);
    const header = [
      t('cli.outbox.colId'),
      t('cli.outbox.colState'),
      t('cli.outbox.colKind'),
      t('cli.outbox.colTarget'),
      t('cli.outbox.colAttempts'),
      t('cli.outbox.colWhen', { zone }),
      t('cli.outbox.colError'),
    ];
    const table = rows.map((r) => [
      r.id,
      t(`outbox.state.${r.state as OutboxState}`),
      r.kind,
      r.target,
      r.attempts,
      when(r),
      (r.lastError ?? '').slice(0, 80),
    ]);
    io.out(renderTable(header, table, ['right', 'left', 'left', 'left', 'right']));
    return EXIT_OK;
  },
};
