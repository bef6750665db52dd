// The org file (org.yml): admins, digest channel, special groups with their people, departments
// with their members. Parsed and validated as a whole; errors name the path that is wrong.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;

const userId = z.string().regex(SLACK_USER, { message: 'not a Slack user id (like U0123ABCD)' });
const channelId = z.string().regex(SLACK_CHANNEL, { message: 'not a Slack channel id (like C0123ABCD)' });
const users = z.array(userId).default([]);

export const orgFileSchema = z.object({
  admins: users,
  digest_channel: channelId.optional(),
  groups: z
    .array(
      z.object({
        code: z.string().trim().min(1, { message: 'group code is empty' }),
        name: z.string().trim().min(1, { message: 'group name is empty' }),
        channel: channelId.optional(),
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
        members: users,
      }),
    )
    .default([]),
});

export type OrgFile = z.infer<typeof orgFileSchema>;

export type OrgParseResult = { ok: true; org: OrgFile } | { ok: false; errors: string[] };

/** `groups[3].leaders[0]` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
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
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, org };
}
