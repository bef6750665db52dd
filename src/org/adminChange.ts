// Who becomes and stops being an office admin when an org file is imported. Admins are the only
// people who can change everything (and fix the org), so the file must name them to change them:
// a file without `admins:` leaves them as they are (like the groups it does not name), and a file
// that would leave nobody an admin is refused unless the office says so (--allow-no-admin).

export interface AdminChange {
  added: string[];
  removed: string[];
  /** The change would leave the bot without any admin while it has some now. */
  removesLastAdmin: boolean;
}

/** `wanted` undefined: the file does not name admins, so nothing changes. */
export function planAdminChange(current: readonly string[], wanted: readonly string[] | undefined): AdminChange {
  if (wanted === undefined) return { added: [], removed: [], removesLastAdmin: false };
  const want = [...new Set(wanted)];
  const added = want.filter((u) => !current.includes(u));
  const removed = current.filter((u) => !want.includes(u));
  return { added, removed, removesLastAdmin: current.length > 0 && want.length === 0 };
}

/** Thrown inside the import's transaction, so nothing of the file is written. */
export class LastAdminRemovalError extends Error {
  constructor(readonly admins: readonly string[]) {
    super(`the org file would remove the last admin(s): ${admins.join(', ')}`);
    this.name = 'LastAdminRemovalError';
  }
}
