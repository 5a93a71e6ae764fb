import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { openWorkspaceFile, type Workspace } from '../store/workspace-file';
import { agentDossier, everyAgentDossier } from './agent-dossier';

/**
 * The overview reads every dossier in one pass (grouped usage, joined units in one query, kept
 * summaries); each must be exactly what one agent's page reads, on the demo's real facts.
 */
describe('everyAgentDossier', () => {
  const tmp = tempDir('atw-every-dossier-');
  let ws: Workspace;
  beforeAll(async () => {
    await buildDemoWorkspace(tmp.file('demo.atw'), resourcesDir());
    ws = openWorkspaceFile(tmp.file('demo.atw'));
  }, 120_000);
  afterAll(() => {
    ws.close();
    tmp.cleanup();
  });

  it('gives every agent the same dossier as reading that agent alone', () => {
    const none = () => [];
    const all = everyAgentDossier(ws.db, none);
    expect(all.length).toBe(15);
    expect(all.some((d) => d.sources.length > 0 && d.usage.totals.totalTokens > 0 && d.untrustedInputs.length > 0)).toBe(true);
    for (const d of all) expect(d).toEqual(agentDossier(ws.db, d.agent.id, none));
  });
});
