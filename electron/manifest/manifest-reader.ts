import type { ImportIssue } from '../../shared/contract';
import type { AgentManifest } from '../../shared/manifest';
import type { ImportPlan, ImportReader } from '../imports/import-reader';
import { applyManifest } from './apply-manifest';
import { diffManifests } from './diff-manifest';
import { manifestDetector } from './manifest-detector';
import { parseManifestYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';

/**
 * The agents manifest (YAML) in the one import pipeline: detected by its apiVersion/kind header,
 * planned as its difference from the workspace (the Import dialog shows it per agent), applied
 * as the declarations it carries (owner, trigger, budget, attested review), audited, in the
 * pipeline's transaction.
 */
export const manifestReader: ImportReader<AgentManifest> = {
  ...manifestDetector,
  read(source, format, ctx) {
    ctx.progress(0, 0, `Reading ${source.fileName}…`);
    const manifest = parseManifestYaml(source.fileName, source.text);
    return { format, provider: null, scope: '', counts: { agents: manifest.agents.length }, warnings: [], data: manifest };
  },
  sourceKey: (parsed, source) => `${parsed.format}:${source.sha256}`,
  plan(db, parsed, source): ImportPlan {
    const diff = diffManifests(workspaceManifest(db), parsed.data);
    const warnings: ImportIssue[] = diff.onlyInManifest.map((a) => ({
      position: `agent ${a.id}`,
      message: `${a.name} is not in this workspace (no agent with that id or name); importing does not create agents. Add it by a scan or a registry import, then import the manifest again.`,
    }));
    const errors: ImportIssue[] =
      parsed.data.agents.length > 0 && diff.onlyInManifest.length === parsed.data.agents.length
        ? [{ position: '', message: `None of the ${parsed.data.agents.length} agents in ${source.fileName} is in this workspace: it was written from another workspace. Open that workspace, or export a manifest from this one.` }]
        : [];
    return {
      errors,
      warnings,
      counts: { agents: parsed.data.agents.length, changed: diff.changed.length, unchanged: diff.unchanged, applicable: diff.applicable, onlyInManifest: diff.onlyInManifest.length, onlyInWorkspace: diff.onlyInWorkspace.length },
      registry: null,
      manifest: diff,
    };
  },
  apply(db, parsed, _importId, _source, ctx) {
    return applyManifest(db, parsed.data, ctx.author, ctx.throwIfCancelled);
  },
};
