// The org file (org.yml): admins, digest channel, special groups with their people, departments
// with their members. Parsed and validated as a whole; errors name the path that is wrong.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { DOMAINS, STATUSES } from '../domain/types.ts';

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;

const userId = z.string().regex(SLACK_USER, { message: 'not a Slack user id (like U0123ABCD)' });
const channelId = z.string().regex(SLACK_CHANNEL, { message: 'not a Slack channel id (like C0123ABCD)' });
const users = z.array(userId).default([]);

const orgFileSchema = z.object({
  /** Absent: admins stay as they are (see adminChange.ts); present, even empty: exactly these. */
  admins: z.array(userId).optional(),
  digest_channel: channelId.optional(),
  groups: z
    .array(
      z.object({
        code: z.string().trim().min(1, { message: 'group code is empty' }),
        name: z.string().trim().min(1, { message: 'group name is empty' }),
        channel: channelId.optional(),
        /** The default 改革领域 of the group's plans, for ledgers without a domain column. */
        domain: z.enum(DOMAINS, { message: `not a domain (one of ${DOMAINS.join(', ')})` }).optional(),
        leaders: users,
        deputies: users,
        liaisons: users,
      }),
    )
    .default([]),
  departments: z
    .array(
      z.object({
        name: z.string().trim().min(1, { message: 'department name is empty' }),
        /** Other names ledgers write for it (省发改委 for 发展改革委). */
        aliases: z.array(z.string().trim().min(1, { message: 'alias is empty' })).default([]),
        members: users,
      }),
    )
    .default([]),
  /** Status words an office invented, and what they mean: { 基本完成: started }. */
  status_words: z
    .record(
      z.string().trim().min(1, { message: 'status word is empty' }),
      z.enum(STATUSES, { message: `not a status (one of ${STATUSES.join(', ')})` }),
    )
    .default({}),
});

export type OrgFile = z.infer<typeof orgFileSchema>;

export type OrgParseResult = { ok: true; org: OrgFile } | { ok: false; errors: string[] };

/** `groups[3].leaders[0]` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (seen.has(v)) return true;
    seen.add(v);
    return false;
  });
}

/** An alias must name one department, and must not be another department's own name. */
function aliasProblems(org: OrgFile): string[] {
  const names = new Set(org.departments.map((d) => d.name));
  const owner = new Map<string, string>();
  const problems: string[] = [];
  org.departments.forEach((d, i) => {
    d.aliases.forEach((alias, j) => {
      const where = `departments[${i}].aliases[${j}]`;
      if (alias === d.name) return;
      if (names.has(alias)) problems.push(`${where}: ${alias} is the name of another department`);
      else if (owner.has(alias) && owner.get(alias) !== d.name)
        problems.push(`${where}: ${alias} is also an alias of ${owner.get(alias)}`);
      else owner.set(alias, d.name);
    });
  });
  return problems;
}

export function parseOrgFile(text: string): OrgParseResult {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}: ` : '';
    return { ok: false, errors: [`${where}not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const result = orgFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => `${formatPath(issue.path) || '(file)'}: ${issue.message}`),
    };
  }
  const org = result.data;
  const errors = [
    ...duplicates(org.groups.map((g) => g.code)).map((code) => `groups: group code ${code} appears twice`),
    ...duplicates(org.departments.map((d) => d.name)).map((name) => `departments: ${name} appears twice`),
    ...aliasProblems(org),
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, org };
}
