import { readFileSync } from 'node:fs';
import { LastAdminRemovalError } from '../../org/adminChange.ts';
import { parseOrgFile } from '../../org/orgFile.ts';
import { importOrg } from '../../store/org.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';

export const importOrgCommand: CliCommand = {
  name: 'import-org',
  usage: 'reform-bot import-org <org.yml> [--allow-no-admin]',
  help: (t) => t('cli.importOrg.help'),
  options: { 'allow-no-admin': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const file = positionals[0] as string;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      ctx.io.err(ctx.t('cli.cannotRead', { file, message: (error as Error).message }));
      return EXIT_FAILED;
    }
    const parsed = parseOrgFile(text);
    if (!parsed.ok) {
      ctx.io.err(ctx.t('cli.importOrg.invalid', { file, count: parsed.errors.length }));
      for (const line of parsed.errors) ctx.io.err(`  ${line}`);
      return EXIT_FAILED;
    }
    let s: ReturnType<typeof importOrg>;
    try {
      s = importOrg(ctx.db(), parsed.org, { allowNoAdmin: values['allow-no-admin'] === true });
    } catch (error) {
      if (!(error instanceof LastAdminRemovalError)) throw error;
      ctx.io.err(ctx.t('cli.importOrg.lastAdmin', { file, admins: error.admins.join(', ') }));
      return EXIT_FAILED;
    }
    if (parsed.org.admins === undefined) ctx.io.out(ctx.t('cli.importOrg.adminsKept'));
    ctx.io.out(
      ctx.t('cli.importOrg.summaryLine', {
        groupsCreated: s.groups.created.length,
        groupsUpdated: s.groups.updated.length,
        groupsUnchanged: s.groups.unchanged.length,
        departmentsCreated: s.departments.created.length,
        departmentsUpdated: s.departments.updated.length,
        departmentsUnchanged: s.departments.unchanged.length,
        adminsAdded: s.admins.added.length,
        adminsRemoved: s.admins.removed.length,
      }),
    );
    return EXIT_OK;
  },
};
