// Status and traffic-light labels, with the emoji every surface uses for them, so a person
// learns one picture per state across cards, plan files, App Home and reminders.
import type { Light, Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';

const STATUS_EMOJI: Record<Status, string> = { done: '✅', started: '🔄', not_started: '⬜' };
const LIGHT_EMOJI: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };

export function statusEmoji(status: Status): string {
  return STATUS_EMOJI[status];
}

/** `✅ done` / `✅ 已完成` */
export function statusLabel(t: Translate, status: Status): string {
  return `${STATUS_EMOJI[status]} ${t(`status.${status}`)}`;
}

export function lightEmoji(light: Light): string {
  return LIGHT_EMOJI[light];
}

/** `🔴 overdue` / `🔴 已逾期` */
export function lightLabel(t: Translate, light: Light): string {
  return `${LIGHT_EMOJI[light]} ${t(`light.${light}`)}`;
}
