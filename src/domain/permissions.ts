// Who may do what (docs/PRACTICE.md "Who may do what"). Pure: the caller loads the person's roles and the item's owners.
//   office admins: everything
//   group leaders, deputies, liaisons: items of the plans their group leads
//   department members: items their department is responsible for
//   everyone: read statistics and cards

export interface Person {
  userId: string;
  isAdmin: boolean;
  /** Group ids where the person is leader, deputy or liaison. */
  groupIds: ReadonlySet<number>;
  departmentIds: ReadonlySet<number>;
}

export interface ItemOwnership {
  leadGroupId: number | null;
  departmentIds: readonly number[];
}

export type Action = 'read' | 'updateItem' | 'admin';

export type Decision = { allowed: true } | { allowed: false; reason: 'notAdmin' | 'notResponsible' };

export function mayUpdateItem(person: Person, item: ItemOwnership): Decision {
  if (person.isAdmin) return { allowed: true };
  if (item.leadGroupId !== null && person.groupIds.has(item.leadGroupId)) return { allowed: true };
  if (item.departmentIds.some((id) => person.departmentIds.has(id))) return { allowed: true };
  return { allowed: false, reason: 'notResponsible' };
}

export function mayAdminister(person: Person): Decision {
  return person.isAdmin ? { allowed: true } : { allowed: false, reason: 'notAdmin' };
}

/** Reading statistics and cards is open to everyone in the workspace. */
export function mayRead(_person: Person): Decision {
  return { allowed: true };
}
