// Argument checks shared by the round commands.
import { getRound, type RoundRow } from '../../store/rounds.ts';
import type { CliContext } from '../command.ts';

/** The round named on the command line, or undefined after telling the person why not. */
export function roundFromArg(ctx: CliContext, raw: string | undefined): RoundRow | undefined {
  const value = raw ?? '';
  const id = /^#?\d+$/.test(value.trim()) ? Number(value.trim().replace('#', '')) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    ctx.io.err(ctx.t('round.cli.badId', { value }));
    return undefined;
  }
  const round = getRound(ctx.db(), id);
  if (!round) ctx.io.err(ctx.t('round.cli.notFound', { id }));
  return round;
}

/** Round fields as the catalogue's messages take them, the kind in the reader's words. */
export function roundRef(ctx: CliContext, round: RoundRow): { id: number; kind: string; asOf: string } {
  return { id: round.id, kind: ctx.t(`round.kind.${round.kind}`), asOf: round.asOf };
}
