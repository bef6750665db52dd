// A package part finds the parts it uses through its relationships file (_rels/NAME.rels): the
// workbook names its sheets, shared strings and styles there by id and type, with targets
// relative to the workbook's folder. Types are compared by their last segment so that both the
// transitional (schemas.openxmlformats.org) and strict (purl.oclc.org) namespaces match.
import { posix } from 'node:path';
import type { InflateMeter } from './inflateMeter.ts';
import type { XlsxLimits } from './limits.ts';
import { readXmlPart } from './xmlParts.ts';
import type { ZipArchive } from './zipArchive.ts';

export interface Relationship {
  /** Last segment of the type URI: worksheet, sharedStrings, styles, officeDocument … */
  kind: string;
  /** The target part's name in the zip. */
  part: string;
}

function relationshipsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** A target as a zip entry name: absolute targets start at the package root. */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/') ? target : posix.join(posix.dirname(sourcePart), target);
  return posix.normalize(path).replace(/^(\.\.\/|\/)+/, '');
}

/** The relationships of `sourcePart` by id; none when it has no relationships file. */
export async function readRelationships(
  archive: ZipArchive,
  sourcePart: string,
  meter: InflateMeter,
  limits: XlsxLimits,
): Promise<Map<string, Relationship>> {
  const relsPart = relationshipsPartOf(sourcePart);
  const relationships = new Map<string, Relationship>();
  if (!archive.has(relsPart)) return relationships;
  await readXmlPart(
    relsPart,
    archive.read(relsPart, meter),
    {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        const kind = (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1);
        relationships.set(a.Id, { kind, part: resolveTarget(sourcePart, a.Target) });
      },
    },
    limits.maxNodeChars,
  );
  return relationships;
}

export function relationshipOfKind(
  relationships: ReadonlyMap<string, Relationship>,
  kind: string,
): Relationship | undefined {
  for (const r of relationships.values()) if (r.kind === kind) return r;
  return undefined;
}
