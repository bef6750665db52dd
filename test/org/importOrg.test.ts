import { afterEach, describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/org/orgFile.ts';
import { importOrg } from '../../src/store/org.ts';
import { loadPerson } from '../../src/store/people.ts';
import { type TempDb, tempDb } from '../support/tempDb.ts';

function org(text: string) {
  const parsed = parseOrgFile(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.org;
}

const V1 = org(`
admins: [U0ADMIN]
digest_channel: C0DIGEST
groups:
  - {code: G1, name: 经济组, channel: C0G1, leaders: [U0L1], deputies: [U0D1], liaisons: [U0C1]}
departments:
  - {name: 发展改革委, members: [U0M1]}
`);

let t: TempDb;
afterEach(() => t?.cleanup());

describe('importOrg', () => {
  it('creates, then changes nothing on a second run', () => {
    t = tempDb();
    const first = importOrg(t.db, V1);
    expect(first.groups.created).toEqual(['G1']);
    expect(first.departments.created).toEqual(['发展改革委']);
    expect(first.admins.added).toEqual(['U0ADMIN']);
    const second = importOrg(t.db, V1);
    expect(second.groups).toEqual({ created: [], updated: [], unchanged: ['G1'] });
    expect(second.departments).toEqual({ created: [], updated: [], unchanged: ['发展改革委'] });
    expect(second.admins).toEqual({ added: [], removed: [] });
    const leader = loadPerson(t.db, 'U0L1');
    expect(leader.groupIds.size).toBe(1);
    expect(loadPerson(t.db, 'U0ADMIN').isAdmin).toBe(true);
  });

  it('applies changed people and keeps groups the file does not name', () => {
    t = tempDb();
    importOrg(t.db, V1);
    t.db.$client.prepare("insert into groups (code, name) values ('G9', 'from a ledger')").run();
    const summary = importOrg(
      t.db,
      org(`
admins: [U0NEW]
groups:
  - {code: G1, name: 经济组, channel: C0G1, leaders: [U0L2], deputies: [U0D1], liaisons: [U0C1]}
`),
    );
    expect(summary.groups.updated).toEqual(['G1']);
    expect(summary.admins).toEqual({ added: ['U0NEW'], removed: ['U0ADMIN'] });
    expect(loadPerson(t.db, 'U0L1').groupIds.size).toBe(0);
    expect(loadPerson(t.db, 'U0L2').groupIds.size).toBe(1);
    const g9 = t.db.$client.prepare("select name from groups where code = 'G9'").get() as { name: string };
    expect(g9.name).toBe('from a ledger');
  });
});
