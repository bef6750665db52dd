// A person's roles, read from the org tables.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { admins, departmentMembers, groupMembers } from '../db/schema.ts';
import type { Person } from '../domain/permissions.ts';

export function loadPerson(db: Db, userId: string): Person {
  const isAdmin = db.select().from(admins).where(eq(admins.userId, userId)).get() !== undefined;
  const groupIds = new Set(
    db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, userId)).all().map((r) => r.id),
  );
  const departmentIds = new Set(
    db
      .select({ id: departmentMembers.departmentId })
      .from(departmentMembers)
      .where(eq(departmentMembers.userId, userId))
      .all()
      .map((r) => r.id),
  );
  return { userId, isAdmin, groupIds, departmentIds };
}

export function listAdmins(db: Db): string[] {
  return db.select().from(admins).all().map((a) => a.userId);
}
