// Upserts the org file. Groups and departments named in the file get exactly the people the file
// lists; groups and departments the file does not name (e.g. created by a ledger import) are kept.
// Admins change only when the file names them, and never to nobody unless allowed (adminChange.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  admins,
  departmentAliases,
  departmentMembers,
  departments,
  type GroupRole,
  groupMembers,
  groups,
  settings,
} from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { LastAdminRemovalError, planAdminChange } from '../org/adminChange.ts';
import type { OrgFile } from '../org/orgFile.ts';

export interface OrgImportSummary {
  groups: { created: string[]; updated: string[]; unchanged: string[] };
  departments: { created: string[]; updated: string[]; unchanged: string[] };
  admins: { added: string[]; removed: string[] };
  digestChannel: string | undefined;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export interface OrgImportOptions {
  /** Let a file with `admins: []` remove every admin (--allow-no-admin). */
  allowNoAdmin?: boolean;
}

/** Throws LastAdminRemovalError (nothing written) when the file would leave no admin and that is not allowed. */
export function importOrg(db: Db, org: OrgFile, options: OrgImportOptions = {}): OrgImportSummary {
  return writeTransaction(db, (tx) => {
    // Decided first, inside the transaction (IMMEDIATE): refusing writes nothing else of the file.
    const haveAdmins = tx
      .select()
      .from(admins)
      .all()
      .map((a) => a.userId);
    const adminChange = planAdminChange(haveAdmins, org.admins);
    if (adminChange.removesLastAdmin && !options.allowNoAdmin) throw new LastAdminRemovalError(haveAdmins);
    const summary: OrgImportSummary = {
      groups: { created: [], updated: [], unchanged: [] },
      departments: { created: [], updated: [], unchanged: [] },
      admins: { added: [], removed: [] },
      digestChannel: org.digest_channel,
    };

    for (const g of org.groups) {
      const existing = tx.select().from(groups).where(eq(groups.code, g.code)).get();
      const wanted: Record<GroupRole, string[]> = { leader: g.leaders, deputy: g.deputies, liaison: g.liaisons };
      if (!existing) {
        const { id } = tx
          .insert(groups)
          .values({ code: g.code, name: g.name, channel: g.channel ?? null, domain: g.domain ?? null })
          .returning({ id: groups.id })
          .get();
        for (const [role, people] of Object.entries(wanted) as [GroupRole, string[]][]) {
          for (const userId of new Set(people)) tx.insert(groupMembers).values({ groupId: id, userId, role }).run();
        }
        summary.groups.created.push(g.code);
        continue;
      }
      const current = tx.select().from(groupMembers).where(eq(groupMembers.groupId, existing.id)).all();
      let changed =
        existing.name !== g.name || existing.channel !== (g.channel ?? null) || existing.domain !== (g.domain ?? null);
      for (const role of Object.keys(wanted) as GroupRole[]) {
        const have = current.filter((m) => m.role === role).map((m) => m.userId);
        const want = [...new Set(wanted[role])];
        if (sameSet(have, want)) continue;
        changed = true;
        tx.delete(groupMembers)
          .where(and(eq(groupMembers.groupId, existing.id), eq(groupMembers.role, role)))
          .run();
        for (const userId of want) tx.insert(groupMembers).values({ groupId: existing.id, userId, role }).run();
      }
      if (changed) {
        tx.update(groups)
          .set({ name: g.name, channel: g.channel ?? null, domain: g.domain ?? null })
          .where(eq(groups.id, existing.id))
          .run();
        summary.groups.updated.push(g.code);
      } else summary.groups.unchanged.push(g.code);
    }

    for (const d of org.departments) {
      const want = [...new Set(d.members)];
      const existing = tx.select().from(departments).where(eq(departments.name, d.name)).get();
      const id =
        existing?.id ?? tx.insert(departments).values({ name: d.name }).returning({ id: departments.id }).get().id;
      const have = existing
        ? tx
            .select()
            .from(departmentMembers)
            .where(eq(departmentMembers.departmentId, id))
            .all()
            .map((m) => m.userId)
        : [];
      if (!sameSet(have, want)) {
        tx.delete(departmentMembers).where(eq(departmentMembers.departmentId, id)).run();
        for (const userId of want) tx.insert(departmentMembers).values({ departmentId: id, userId }).run();
      }
      const haveAliases = existing
        ? tx
            .select()
            .from(departmentAliases)
            .where(eq(departmentAliases.departmentId, id))
            .all()
            .map((a) => a.alias)
        : [];
      const wantAliases = [...new Set(d.aliases)].filter((a) => a !== d.name);
      const aliasesChanged = !sameSet(haveAliases, wantAliases);
      if (aliasesChanged) {
        tx.delete(departmentAliases).where(eq(departmentAliases.departmentId, id)).run();
        for (const alias of wantAliases) {
          // The alias may have named another department before this file moved it here.
          tx.delete(departmentAliases).where(eq(departmentAliases.alias, alias)).run();
          tx.insert(departmentAliases).values({ alias, departmentId: id }).run();
        }
      }
      const bucket = !existing ? 'created' : sameSet(have, want) && !aliasesChanged ? 'unchanged' : 'updated';
      summary.departments[bucket].push(d.name);
    }

    summary.admins = { added: adminChange.added, removed: adminChange.removed };
    for (const userId of summary.admins.removed) tx.delete(admins).where(eq(admins.userId, userId)).run();
    for (const userId of summary.admins.added) tx.insert(admins).values({ userId }).run();

    if (org.digest_channel) {
      tx.insert(settings)
        .values({ key: 'digest_channel', value: org.digest_channel })
        .onConflictDoUpdate({ target: settings.key, set: { value: org.digest_channel } })
        .run();
    }
    // The office's own status words replace the previous file's (an empty map clears them).
    const statusWords = JSON.stringify(org.status_words);
    tx.insert(settings)
      .values({ key: STATUS_WORDS_KEY, value: statusWords })
      .onConflictDoUpdate({ target: settings.key, set: { value: statusWords } })
      .run();
    return summary;
  });
}

/** The settings key holding the org file's `status_words`, as JSON. */
export const STATUS_WORDS_KEY = 'status_words';
