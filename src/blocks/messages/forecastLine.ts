// The forecast in one line (README "Progress chart"): the same words in the digest's headline
// and in `reform-bot stats`. Plain text: it holds only figures and dates, nothing to escape.
import type { Forecast } from '../../domain/forecast.ts';
import type { Translate } from '../../i18n/index.ts';

export function forecastLine(t: Translate, f: Forecast): string {
  if (f.projection.kind === 'finished') return t('forecast.finished');
  const pace = t('forecast.pace', { pace: f.pace.toFixed(1), done: f.done, total: f.total, remaining: f.remaining });
  const projection =
    f.projection.kind === 'on' ? t('forecast.finishOn', { on: f.projection.finishOn }) : t('forecast.stalled');
  const needed =
    f.needed.kind === 'perWeek'
      ? t('forecast.needed', { perWeek: f.needed.perWeek.toFixed(1), target: f.targetOn })
      : t('forecast.targetPassed', { target: f.targetOn });
  return `${pace}${projection}${needed}`;
}
