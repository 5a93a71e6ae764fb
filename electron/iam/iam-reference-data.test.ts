import { describe, expect, it } from 'vitest';
import azureRoles from '../../resources/iam/azure-roles.json';
import gcpRoles from '../../resources/iam/gcp-roles.json';
import kubernetesRoles from '../../resources/iam/kubernetes-roles.json';
import { azureRoleAccess, builtInAzureRole } from './azure/azure-roles';
import { predefinedGcpRole } from './gcp/gcp-roles';
import { DEFAULT_CLUSTER_ROLES } from './kubernetes/kubernetes-rules';

describe('bundled IAM reference data', () => {
  it('says when and where it was taken from', () => {
    for (const data of [gcpRoles, azureRoles, kubernetesRoles]) {
      expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data.source.length).toBeGreaterThan(20);
    }
  });

  it('lists GCP permissions as service.resource.verb', () => {
    for (const [name, role] of Object.entries(gcpRoles.roles)) {
      expect(name).toMatch(/^roles\/[a-zA-Z.0-9]+$/);
      for (const permission of role.includedPermissions) expect(permission, name).toMatch(/^[a-z0-9]+\.[a-zA-Z0-9]+\.[a-zA-Z0-9]+$/);
    }
    expect(predefinedGcpRole('roles/secretmanager.secretAccessor')?.permissions).toContain('secretmanager.versions.access');
    expect(predefinedGcpRole('__proto__')).toBeUndefined();
  });

  it('keys Azure built-in roles by unique GUIDs and names', () => {
    const ids = azureRoles.roles.map((role) => role.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(azureRoleAccess(builtInAzureRole(undefined, 'Owner')!)).toBe('permissions-management');
    expect(azureRoleAccess(builtInAzureRole(undefined, 'Contributor')!)).toBe('write');
    expect(builtInAzureRole(undefined, 'constructor')).toBeUndefined();
  });

  it('has the four default Kubernetes ClusterRoles', () => {
    expect([...DEFAULT_CLUSTER_ROLES.keys()].sort()).toEqual(['admin', 'cluster-admin', 'edit', 'view']);
    expect(DEFAULT_CLUSTER_ROLES.get('view')!.some((rule) => rule.resources.includes('secrets'))).toBe(false);
  });
});
