// `backup --keep N`: copies named by the instant they were taken, in a folder of their own, and
// only the newest N of them kept. Only files with exactly this naming are ever deleted: the
// folder may hold other things (a README, copies made by hand), which are left alone.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROTATED_NAME = /^reform-bot-\d{8}-\d{6}\.db$/;

/** `reform-bot-20261203-093015.db`: the office's local time (REFORM_TZ), sorting as it reads. */
export function rotatedBackupName(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `reform-bot-${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}${part('second')}.db`;
}

function isRotatedBackupName(name: string): boolean {
  return ROTATED_NAME.test(name);
}

/** The rotated names beyond the newest `keep` (the timestamp in the name orders them). */
export function backupsBeyond(names: readonly string[], keep: number): string[] {
  return names.filter(isRotatedBackupName).sort().reverse().slice(keep);
}

/** Deletes the rotated backups in `folder` beyond the newest `keep`; returns their names. */
export function removeOldBackups(folder: string, keep: number): string[] {
  // Regular files only: a symlink or folder with a matching name is not one of our copies.
  const names = readdirSync(folder).filter(
    (name) => isRotatedBackupName(name) && lstatSync(join(folder, name)).isFile(),
  );
  const old = backupsBeyond(names, keep);
  for (const name of old) rmSync(join(folder, name));
  return old;
}
