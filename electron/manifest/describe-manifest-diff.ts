import { MANIFEST_FIELD_LABELS, type ManifestDiff, type ManifestFieldChange } from '../../shared/manifest';

/** One change as a line a person reads: "Owner: Dana Cole → Priya Raman (applies)". */
export function describeManifestChange(c: ManifestFieldChange): string {
  const what = `${MANIFEST_FIELD_LABELS[c.field]}${c.item ? ` ${c.item}` : ''}`;
  const how = c.manifest === null ? 'only in the workspace' : c.workspace === null ? 'only in the manifest' : `${c.workspace} in the workspace, ${c.manifest} in the manifest`;
  return `${what}: ${how}${c.applies ? ' (importing applies the manifest)' : ''}`;
}

/** The diff as indented text lines, for the command line's import preview. */
export function describeManifestDiff(diff: ManifestDiff, indent = '  '): string[] {
  const lines: string[] = [];
  for (const agent of diff.changed) {
    lines.push(`${indent}${agent.name}:`);
    for (const c of agent.changes) lines.push(`${indent}  ${describeManifestChange(c)}`);
  }
  for (const a of diff.onlyInManifest) lines.push(`${indent}${a.name}: only in the manifest (not created)`);
  for (const a of diff.onlyInWorkspace) lines.push(`${indent}${a.name}: only in the workspace`);
  for (const u of diff.unconfirmedNotInManifest) lines.push(`${indent}${u.name}: found in code, awaiting review, not in the manifest`);
  if (lines.length === 0) lines.push(`${indent}No difference from the workspace (${diff.unchanged} ${diff.unchanged === 1 ? 'agent' : 'agents'}).`);
  return lines;
}
