import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { looksLikeAzureRoleAssignments, readAzureRoleAssignments } from './azure/azure-role-assignments';
import { looksLikeGcpAssetIamPolicies, readGcpAssetIamPolicies } from './gcp/gcp-asset-iam-policies';
import { looksLikeGcpIamPolicy, readGcpIamPolicy } from './gcp/gcp-iam-policy';
import { looksLikeGcpServiceAccountKeys, readGcpServiceAccountKeys } from './gcp/gcp-service-account-keys';
import { looksLikeGcpServiceAccounts, readGcpServiceAccounts } from './gcp/gcp-service-accounts';
import { looksLikeKubernetesRbac, readKubernetesRbac } from './kubernetes/kubernetes-rbac';

const DETECTORS = {
  'gcp/fixtures/project-iam-policy.json': looksLikeGcpIamPolicy,
  'gcp/fixtures/asset-iam-policies.json': looksLikeGcpAssetIamPolicies,
  'gcp/fixtures/service-accounts.json': looksLikeGcpServiceAccounts,
  'gcp/fixtures/service-account-keys.json': looksLikeGcpServiceAccountKeys,
  'azure/fixtures/role-assignments.json': looksLikeAzureRoleAssignments,
  'kubernetes/fixtures/rbac-list.json': looksLikeKubernetesRbac,
};

const READERS = {
  'gcp/fixtures/project-iam-policy.json': readGcpIamPolicy,
  'gcp/fixtures/asset-iam-policies.json': readGcpAssetIamPolicies,
  'gcp/fixtures/service-accounts.json': readGcpServiceAccounts,
  'gcp/fixtures/service-account-keys.json': readGcpServiceAccountKeys,
  'azure/fixtures/role-assignments.json': readAzureRoleAssignments,
  'kubernetes/fixtures/rbac-list.json': readKubernetesRbac,
};

const AWS_LIKE = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };

describe('GCP, Azure and Kubernetes format detection', () => {
  for (const [file, ownDetector] of Object.entries(DETECTORS)) {
    it(`only its own reader claims ${file}`, () => {
      const json: unknown = JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
      for (const detector of Object.values(DETECTORS)) expect(detector(json)).toBe(detector === ownDetector);
    });
  }

  it('no reader claims an AWS export, an empty value or a scalar', () => {
    for (const value of [AWS_LIKE, {}, [], null, 'bindings', 42, [null], [[]]]) {
      for (const detector of Object.values(DETECTORS)) expect(detector(value)).toBe(false);
    }
  });

  it('every reader rejects another format as import-invalid, never with a TypeError', () => {
    for (const [file, ownReader] of Object.entries(READERS)) {
      const json: unknown = JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
      for (const reader of Object.values(READERS)) {
        if (reader === ownReader) continue;
        let thrown: unknown;
        try {
          reader(file, json);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${reader.name} on ${file}`).toBeInstanceOf(BackendError);
        expect((thrown as BackendError).code).toBe('import-invalid');
      }
      for (const value of [AWS_LIKE, null, 'text', 42]) {
        for (const reader of Object.values(READERS)) expect(() => reader('x.json', value), `${reader.name} on ${JSON.stringify(value)}`).toThrow(BackendError);
      }
    }
  });
});
