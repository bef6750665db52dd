import { describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../src/org/orgFile.ts';

const GOOD = `
admins: [U0ADMIN]
digest_channel: C0DIGEST
groups:
  - code: G1
    name: 经济体制和生态文明体制改革专项小组
    channel: C0G1
    leaders: [U0L1]
    deputies: [U0D1]
    liaisons: [U0C1]
departments:
  - name: 发展改革委
    members: [U0M1]
`;

describe('parseOrgFile', () => {
  it('reads the documented format', () => {
    const result = parseOrgFile(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.org.groups[0]?.leaders).toEqual(['U0L1']);
    expect(result.org.departments[0]?.name).toBe('发展改革委');
    expect(result.org.digest_channel).toBe('C0DIGEST');
  });

  it('names the path of every error', () => {
    const text = `
groups:
  - {code: G1, name: a}
  - {code: G2, name: b}
  - {code: G3, name: c}
  - {code: G4, name: d, leaders: [bob], channel: general}
departments:
  - {name: '', members: [U0M1, 42]}
`;
    const result = parseOrgFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('groups[3].leaders[0]: not a Slack user id (like U0123ABCD)');
    expect(result.errors).toContain('groups[3].channel: not a Slack channel id (like C0123ABCD)');
    expect(result.errors).toContain('departments[0].name: department name is empty');
    expect(result.errors.some((e) => e.startsWith('departments[0].members[1]: '))).toBe(true);
  });

  it('refuses duplicate group codes and broken YAML', () => {
    const dup = parseOrgFile('groups:\n  - {code: G1, name: a}\n  - {code: G1, name: b}\n');
    expect(dup).toEqual({ ok: false, errors: ['groups: group code G1 appears twice'] });
    const broken = parseOrgFile('groups: [\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/not valid YAML/);
  });
});
