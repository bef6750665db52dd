// The private-file helpers on their own: modes, the exclusive temporary file, and what a failure leaves.
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createPrivateFile,
  ensurePrivateDir,
  tightenOwnFile,
  writeDataAtomically,
  writeFileAtomically,
} from '../../src/files/privateFile.ts';
import { tempDir } from '../support/db.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('private files', () => {
  it('creates folders 0700 and files 0600, and leaves an existing file alone', () => {
    const dir = join(tempDir(), 'a', 'b');
    ensurePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, '..'))).toBe(0o700);
    const file = join(dir, 'f');
    expect(createPrivateFile(file)).toBe(true);
    expect(modeOf(file)).toBe(0o600);
    writeFileSync(file, 'kept');
    expect(createPrivateFile(file)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('kept');
  });

  it('narrows a file of ours to 0600, and not one another user owns', () => {
    const file = join(tempDir(), 'shared');
    writeFileSync(file, 'x', { mode: 0o644 });
    chmodSync(file, 0o644);
    const me = process.getuid?.() as number;
    expect(tightenOwnFile(file, me + 1)).toBe(false);
    expect(modeOf(file)).toBe(0o644);
    expect(tightenOwnFile(file, me)).toBe(true);
    expect(modeOf(file)).toBe(0o600);
    expect(tightenOwnFile(join(tempDir(), 'missing'), me)).toBe(false);
  });

  it('replaces a planted symlink at the target by a private file, leaving the link target unchanged', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const target = join(dir, 'out.csv');
    symlinkSync(victim, target);
    await writeDataAtomically(target, 'exported');
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('exported');
    expect(modeOf(target)).toBe(0o600);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'victim.txt']);
  });

  it('leaves the target as it was and no temporary file when the writer fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    await expect(
      writeFileAtomically(target, async (out) => {
        out.write('half');
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });
});
