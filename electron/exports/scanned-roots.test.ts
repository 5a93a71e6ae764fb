import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentDossier } from '../../shared/contract';
import type { UnitKind } from '../../shared/discovery';
import { tempDir } from '../store/test-workspace';
import { rootOfPath, scannedRootsOf, SOURCE_ROOT_BASE_ID } from './scanned-roots';

const tmp = tempDir('atw-scanned-roots-');
afterAll(() => tmp.cleanup());

/** Only the part of a dossier the roots read: where its units were seen. */
function dossierWith(sources: Array<{ root: string; path: string; kind?: UnitKind }>): AgentDossier {
  return { sources: sources.map((s) => ({ identityKey: `${s.root}:${s.path}`, name: s.path, unit: { kind: s.kind ?? 'code-entry-point', name: s.path, path: s.path }, sourceRoot: s.root, decision: 'confirmed' })) } as unknown as AgentDossier;
}

describe('scanned roots for SARIF locations', () => {
  it('names each scanned folder by its folder name, two checkouts of one name apart, and leaves usage logs out', () => {
    const a = join(tmp.dir, 'team-a', 'api');
    const b = join(tmp.dir, 'team-b', 'api');
    const roots = scannedRootsOf([dossierWith([{ root: a, path: 'main.py' }]), dossierWith([{ root: b, path: 'main.py' }, { root: 'Imported usage logs', path: 'usage.csv', kind: 'llm-usage' }])]);
    expect(roots.bases.map((r) => r.id)).toEqual(['api', 'api-2']);
    expect(roots.idOf(b)).toBe('api-2');
  });

  it('places each scanned folder relative to the folder that holds them all, never by its path on this machine', () => {
    const a = join(tmp.dir, 'team-a', 'api');
    const b = join(tmp.dir, 'team-b', 'my api');
    const roots = scannedRootsOf([dossierWith([{ root: a, path: 'main.py' }]), dossierWith([{ root: b, path: 'main.py' }])]);
    expect(roots.bases.map((r) => r.location)).toEqual([
      { uri: 'team-a/api/', uriBaseId: SOURCE_ROOT_BASE_ID },
      { uri: 'team-b/my%20api/', uriBaseId: SOURCE_ROOT_BASE_ID },
    ]);
    // One folder: its own name under the folder it was scanned in.
    expect(scannedRootsOf([dossierWith([{ root: a, path: 'main.py' }])]).bases[0]!.location).toEqual({ uri: 'api/', uriBaseId: SOURCE_ROOT_BASE_ID });
    // A folder scanned inside another scanned folder.
    const outer = join(tmp.dir, 'mono');
    const inner = join(outer, 'services', 'billing');
    expect(scannedRootsOf([dossierWith([{ root: outer, path: 'a.py' }]), dossierWith([{ root: inner, path: 'b.py' }])]).bases.map((r) => r.location.uri)).toEqual(['mono/', 'mono/services/billing/']);
  });

  it('finds the folder of an evidence path for an agent joined from two folders: the unit declaring it, else the folder holding it', () => {
    const web = join(tmp.dir, 'web');
    const jobs = join(tmp.dir, 'jobs');
    mkdirSync(join(jobs, 'worker'), { recursive: true });
    writeFileSync(join(jobs, 'worker', 'run.py'), 'print(1)\n');
    const dossier = dossierWith([{ root: web, path: 'Procfile' }, { root: jobs, path: 'k8s/cronjob.yaml' }]);
    expect(rootOfPath(dossier, 'k8s/cronjob.yaml')).toBe(jobs);
    expect(rootOfPath(dossier, 'worker/run.py')).toBe(jobs);
    expect(rootOfPath(dossier, 'nowhere.py')).toBe([web, jobs].sort()[0]);
    expect(rootOfPath(dossierWith([]), 'main.py')).toBeNull();
  });
});
