// A person's roles, read from the org tables.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { admins, departmentMembers, groupMembers } from '../db/schema.ts';
import type { Person } from '../domain/permissions.ts';
import { prepared } from './prepared.ts';

const adminRow = (db: Db) =>
  db
    .select()
    .from(admins)
    .where(eq(admins.userId, sql.placeholder('userId')))
    .prepare();
const groupsOf = (db: Db) =>
  db
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(eq(groupMembers.userId, sql.placeholder('userId')))
    .prepare();
const departmentsOf = (db: Db) =>
  db
    .select({ id: departmentMembers.departmentId })
    .from(departmentMembers)
    .where(eq(departmentMembers.userId, sql.placeholder('userId')))
    .prepare();

/** Runs before every item card and permission check: prepared once per connection. */
export function loadPerson(db: Db, userId: string): Person {
  const isAdmin = prepared(db, adminRow).get({ userId }) !== undefined;
  const groupIds = new Set(
    prepared(db, groupsOf)
      .all({ userId })
      .map((r) => r.id),
  );
  const departmentIds = new Set(
    prepared(db, departmentsOf)
      .all({ userId })
      .map((r) => r.id),
  );
  return { userId, isAdmin, groupIds, departmentIds };
}

export function listAdmins(db: Db): string[] {
  return db
    .select()
    .from(admins)
    .all()
    .map((a) => a.userId);
}
