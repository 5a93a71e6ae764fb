import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../shared/discovery';
import { fingerprintSecret } from '../discovery/secret-fingerprint';
import { resourcesDir } from '../resources-dir';
import { fingerprintKeyOf } from '../store/fingerprint-key';
import { tempDirPerTest } from '../store/temp-dir-per-test';
import { openWorkspaceFile } from '../store/workspace-file';
import { buildDemoWorkspace } from './demo-workspace';

/** The demo's one key-shaped string (resources/demo/source/dev-workstations/claude/claude_desktop_config.json). */
const DEMO_KEY = `sk-proj-${'x'.repeat(36)}DEMO`;

const tmp = tempDirPerTest('atw-demo-');

describe('the demo workspace', () => {
  it('is scanned like any workspace: its hard-coded key is a fingerprint under the demo workspace key, with a preview and nothing of the key', async () => {
    const path = tmp.file('demo.atw');
    await buildDemoWorkspace(path, resourcesDir());
    const ws = openWorkspaceFile(path);
    try {
      const details = (ws.db.prepare('SELECT detail FROM discovered_agents').all() as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as DiscoveredAgent);
      const secrets = details.flatMap((d) => d.credentials).filter((c) => c.kind === 'hardcoded-secret');
      const fingerprint = fingerprintSecret(DEMO_KEY, fingerprintKeyOf(ws.db));
      expect(secrets.find((c) => c.fingerprint === fingerprint)).toMatchObject({ provider: 'openai', preview: 'sk-proj-… (48 chars)', name: `openai key sk-proj-… (48 chars) #${fingerprint.slice(0, 6)}` });
      expect(readFileSync(path).toString('latin1')).not.toContain('xxxxDEMO');
    } finally {
      ws.close();
    }
  }, 60_000);

  it('shows agents that read outside content: the disputes agent reads cardholders unscreened and can refund; the collections bot screens replies', async () => {
    const path = tmp.file('demo.atw');
    await buildDemoWorkspace(path, resourcesDir());
    const ws = openWorkspaceFile(path);
    try {
      const details = (ws.db.prepare('SELECT detail FROM discovered_agents').all() as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as DiscoveredAgent);
      const reading = details.filter((d) => (d.untrustedInputs ?? []).length > 0);
      expect(reading.map((d) => d.name).sort()).toEqual(['disputes-agent', 'worker']);
      const disputes = reading.find((d) => d.name === 'disputes-agent')!;
      expect(disputes.untrustedInputs!.map((i) => [i.kind, i.tool, i.evidence.path])).toEqual([['ticket', 'ticket_thread', 'disputes/tools.py']]);
      // The worst combination: outside text, an irreversible action, and nothing screening what the model reads.
      expect(disputes.capabilities.some((c) => c.kind === 'payment')).toBe(true);
      expect(disputes.guardrails.some((g) => g.kind === 'injection-scan')).toBe(false);
      const collections = reading.find((d) => d.name === 'worker')!;
      expect(collections.untrustedInputs!.map((i) => [i.kind, i.tool])).toEqual([['email', 'customerReplies']]);
      expect(collections.guardrails.filter((g) => g.kind === 'injection-scan').map((g) => g.detail)).toEqual(['"api.lakera.ai/v2/guard"']);
    } finally {
      ws.close();
    }
  }, 60_000);
});
