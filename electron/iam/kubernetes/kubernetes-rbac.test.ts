import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RISK_CLASSES } from '../../../shared/iam';
import { backendErrorOf } from '../../testing/backend-errors';
import { deeplyNested, prototypesUntouched, TEN_MEGABYTES, withProtoKeys } from '../iam-hostile-input';
import { looksLikeKubernetesRbac, readKubernetesRbac } from './kubernetes-rbac';

const fixture = (): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'rbac-list.json'), 'utf8'));
const facts = readKubernetesRbac('rbac.json', fixture(), { scope: 'prod-eu' });

const binding = (kind: string, name: string, roleRef: { kind: string; name: string }, subjects: unknown, namespace?: string): Record<string, unknown> => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});

describe('readKubernetesRbac', () => {
  it('counts objects and keys principals by cluster, namespace, kind and name', () => {
    expect(facts.scope).toBe('prod-eu');
    expect(facts.counts).toMatchObject({ roles: 2, clusterRoles: 4, roleBindings: 3, clusterRoleBindings: 5 });
    const agent = facts.principals.find((p) => p.key === 'k8s:prod-eu:agents:ServiceAccount:support-agent')!;
    expect(agent).toMatchObject({ kind: 'k8s-service-account', name: 'agents/support-agent', scope: 'prod-eu' });
    // A ClusterRoleBinding subject keeps its own namespace.
    expect(facts.principals.some((p) => p.key === 'k8s:prod-eu:ci:ServiceAccount:ci-deployer')).toBe(true);
    expect(facts.principals.find((p) => p.key === 'k8s:prod-eu::Group:ml-platform')?.kind).toBe('group');
    expect(readKubernetesRbac('r.json', fixture()).principals.some((p) => p.key === 'k8s::agents:ServiceAccount:support-agent')).toBe(true);
  });

  it('limits a grant to the named secret and reads config maps per namespace', () => {
    const secret = facts.grants.find((g) => g.dataSourceKey === 'k8s:prod-eu:agents:secrets/openai-api-key')!;
    expect(secret).toMatchObject({ access: 'read', actions: ['get secrets'] });
    expect(secret.riskClasses).toEqual(['credentials-exposure']);
    expect(facts.dataSources.find((s) => s.key === 'k8s:prod-eu:agents:secrets/openai-api-key')?.wildcard).toBe(false);
    const configmaps = facts.grants.find((g) => g.principalKey.endsWith('support-agent') && g.dataSourceKey === 'k8s:prod-eu:agents:configmaps')!;
    expect(configmaps.access).toBe('read');
    expect(configmaps.actions).toEqual(['get configmaps', 'watch configmaps', 'list configmaps']);
  });

  it('fills an aggregated ClusterRole from the roles it selects; list on secrets is read and exfiltration', () => {
    const ops = 'k8s:prod-eu:platform:ServiceAccount:ops-agent';
    const secrets = facts.grants.find((g) => g.principalKey === ops && g.dataSourceKey === 'k8s:prod-eu:*:secrets')!;
    expect(secrets).toMatchObject({ access: 'read', actions: ['list secrets'] });
    expect(secrets.riskClasses).toEqual(expect.arrayContaining(['data-exfiltration', 'credentials-exposure']));
    expect(facts.dataSources.find((s) => s.key === 'k8s:prod-eu:*:secrets')).toMatchObject({ wildcard: true, name: 'secrets in every namespace' });
    const exec = facts.grants.find((g) => g.principalKey === ops && g.dataSourceKey === 'k8s:prod-eu:*:pods/exec')!;
    expect(exec.access).toBe('write');
    expect(exec.riskClasses).toContain('privilege-escalation');
  });

  it('states each escalation once per binding', () => {
    const details = facts.risks.filter((r) => r.principalKey === 'k8s:prod-eu::Group:ml-platform').map((r) => r.detail);
    expect(new Set(details).size).toBe(details.length);
    expect(details.filter((d) => d.includes('pods or workloads'))).toHaveLength(1);
    expect(details.filter((d) => d.includes('pods/exec or pods/attach'))).toHaveLength(1);
  });

  it('uses the bundled edit and view roles when the file does not define them', () => {
    const edit = facts.grants.filter((g) => g.principalKey === 'k8s:prod-eu::Group:ml-platform');
    expect(edit.map((g) => g.dataSourceKey)).toEqual(expect.arrayContaining(['k8s:prod-eu:agents:secrets', 'k8s:prod-eu:agents:pods/exec', 'k8s:prod-eu:agents:serviceaccounts/token']));
    expect(facts.trusts.some((t) => t.trustedKey === 'k8s:prod-eu::Group:ml-platform' && t.principalKey === 'k8s:prod-eu:agents:ServiceAccount:*')).toBe(true);
  });

  it('makes cluster-admin a wildcard grant with every risk', () => {
    const admin = facts.grants.find((g) => g.principalKey === 'k8s:prod-eu:ci:ServiceAccount:ci-deployer')!;
    expect(admin).toMatchObject({ dataSourceKey: 'k8s:prod-eu:*:*', access: 'permissions-management', riskClasses: [...RISK_CLASSES] });
    expect(facts.risks.filter((r) => r.principalKey === admin.principalKey)).toHaveLength(RISK_CLASSES.length);
    expect(admin.via).toMatchObject({ policy: 'ClusterRoleBinding ci-admin', statement: 'ClusterRole cluster-admin' });
  });

  it('turns impersonation into trust and escalate/bind into privilege escalation', () => {
    const dana = 'k8s:prod-eu::User:dana@acme.example';
    expect(facts.trusts.find((t) => t.trustedKey === dana)).toMatchObject({ principalKey: 'k8s:prod-eu:*:ServiceAccount:*', trustedKind: 'user' });
    expect(facts.risks.filter((r) => r.principalKey === dana).map((r) => r.detail)).toEqual(expect.arrayContaining([expect.stringContaining('escalate/bind'), expect.stringContaining('impersonate serviceaccounts')]));
  });

  it('flags a binding to unauthenticated users as resource exposure', () => {
    const anyone = facts.principals.find((p) => p.key === 'k8s:prod-eu::Group:system:unauthenticated')!;
    expect(anyone.kind).toBe('public');
    expect(facts.risks.some((r) => r.principalKey === anyone.key && r.riskClass === 'resource-exposure')).toBe(true);
    const grant = facts.grants.find((g) => g.principalKey === anyone.key && g.dataSourceKey === 'k8s:prod-eu:*:configmaps')!;
    expect(grant.riskClasses).toEqual(['resource-exposure']);
  });

  it('warns about a missing Role and a binding without subjects', () => {
    expect(facts.warnings).toEqual(expect.arrayContaining([expect.stringContaining('items[8].roleRef: Role invoice-reader is not in this file (namespace billing)'), expect.stringContaining('orphaned has no subjects')]));
    expect(facts.principals.some((p) => p.name === 'jo@acme.example')).toBe(true);
    expect(facts.grants.some((g) => g.principalKey.endsWith('jo@acme.example'))).toBe(false);
  });

  it('reads a single object and `*` resources as one wildcard data source', () => {
    const single = readKubernetesRbac('rb.json', binding('ClusterRoleBinding', 'x', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'a' }]));
    expect(single.counts['clusterRoleBindings']).toBe(1);
    const wide = readKubernetesRbac('r.json', {
      kind: 'List',
      items: [
        { kind: 'Role', metadata: { name: 'r', namespace: 'n' }, rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get', 'list'] }] },
        binding('RoleBinding', 'b', { kind: 'Role', name: 'r' }, [{ kind: 'ServiceAccount', name: 's' }], 'n'),
      ],
    });
    expect(wide.principals[0]!.key).toBe('k8s::n:ServiceAccount:s');
    expect(wide.grants).toHaveLength(1);
    expect(wide.grants[0]).toMatchObject({ dataSourceKey: 'k8s::n:*', access: 'read' });
    expect(wide.grants[0]!.riskClasses).toContain('data-exfiltration');
  });

  it('names the JSON path of a wrong shape', () => {
    expect(backendErrorOf(() => readKubernetesRbac('r.json', { kind: 'List', items: 'roles' })).message).toMatch(/^r\.json: items: expected a list, found text\. Export it again with kubectl/);
    expect(backendErrorOf(() => readKubernetesRbac('r.json', { kind: 'List', items: [binding('RoleBinding', 'b', { kind: 'Role', name: 'r' }, [{ kind: 'User' }], 'n')] })).message).toContain('items[0].subjects[0].name: is missing');
    expect(backendErrorOf(() => readKubernetesRbac('r.json', { kind: 'List', items: [{ kind: 'RoleBinding', metadata: { name: 'b' } }] })).message).toContain('items[0].roleRef: is missing');
    expect(backendErrorOf(() => readKubernetesRbac('r.json', { kind: 'List', items: [{ kind: 'Role', metadata: { name: 'r' }, rules: [{ verbs: 'get' }] }] })).message).toContain('items[0].rules[0].verbs: expected a list');
  });

  it('survives hostile values', () => {
    const huge = readKubernetesRbac('r.json', { kind: 'List', items: [binding('ClusterRoleBinding', TEN_MEGABYTES, { kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'User', name: TEN_MEGABYTES }])] });
    expect(huge.grants[0]!.via.text.length).toBeLessThanOrEqual(2000);
    expect(huge.principals[0]!.name.length).toBeLessThanOrEqual(500);
    expect(backendErrorOf(() => readKubernetesRbac('r.json', { kind: 'List', items: [{ kind: 'Role', metadata: { name: 'r' }, rules: [{ verbs: [deeplyNested(100_000)] }] }] })).code).toBe('import-invalid');
    const proto = withProtoKeys('{"kind":"List","items":[{"kind":"ClusterRole","metadata":{"name":"__proto__","labels":{"__proto__":"x"}},"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}],"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"__proto__":{"polluted":1}}}]}},{"kind":"ClusterRoleBinding","metadata":{"name":"constructor"},"roleRef":{"kind":"ClusterRole","name":"__proto__"},"subjects":[{"kind":"User","name":"__proto__"}]}]}');
    const facts = readKubernetesRbac('r.json', proto);
    expect(facts.grants[0]).toMatchObject({ dataSourceKey: 'k8s::*:secrets' });
    expect(prototypesUntouched()).toBe(true);
  });
});

describe('looksLikeKubernetesRbac', () => {
  it('tells kubectl RBAC exports from other providers', () => {
    expect(looksLikeKubernetesRbac(fixture())).toBe(true);
    expect(looksLikeKubernetesRbac({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' }, rules: [] })).toBe(true);
    expect(looksLikeKubernetesRbac({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod' }] })).toBe(false);
    expect(looksLikeKubernetesRbac(JSON.parse(readFileSync(join(__dirname, '../gcp/fixtures/project-iam-policy.json'), 'utf8')))).toBe(false);
    expect(looksLikeKubernetesRbac(JSON.parse(readFileSync(join(__dirname, '../azure/fixtures/role-assignments.json'), 'utf8')))).toBe(false);
  });

  // A rule list long enough that push(...rules) overflowed the stack when another ClusterRole aggregated it.
  it('aggregates a ClusterRole of 200,000 rules without overflowing the stack', () => {
    const rules = Array.from({ length: 200_000 }, () => ({ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['token'] }));
    const big = readKubernetesRbac('rbac.json', {
      kind: 'List',
      items: [
        { kind: 'ClusterRole', metadata: { name: 'big', labels: { aggregate: 'yes' } }, rules },
        { kind: 'ClusterRole', metadata: { name: 'aggregated' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { aggregate: 'yes' } }] } },
        binding('ClusterRoleBinding', 'b', { kind: 'ClusterRole', name: 'aggregated' }, [{ kind: 'ServiceAccount', name: 'agent', namespace: 'agents' }]),
      ],
    });
    expect(big.counts).toMatchObject({ clusterRoles: 2, clusterRoleBindings: 1 });
    expect(big.grants.length).toBeGreaterThan(0);
  });
});
