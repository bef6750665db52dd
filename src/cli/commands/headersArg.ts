// `--headers en|zh`, shared by `export` and `template`.
import type { HeaderLanguage } from '../../ledger/columns.ts';
import type { CliContext, ParsedArgs } from '../command.ts';

/**
 * The header language asked for, `fallback` when the option is absent, or undefined after
 * telling the person why the value is wrong.
 */
export function headersFromArg(
  ctx: CliContext,
  args: ParsedArgs,
  fallback: HeaderLanguage,
): HeaderLanguage | undefined {
  const value = args.values.headers as string | undefined;
  if (value === undefined) return fallback;
  if (value === 'en' || value === 'zh') return value;
  ctx.io.err(ctx.t('cli.export.badHeaders', { value }));
  return undefined;
}
