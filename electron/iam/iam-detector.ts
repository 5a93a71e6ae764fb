import type { IamFormat } from '../../shared/iam';
import type { ImportDetector } from '../imports/import-reader';
import type { ImportSource } from '../imports/import-source';
import {
  looksLikeAwsAuthorizationDetails,
  looksLikeAwsCredentialReport,
  looksLikeAzureRoleAssignments,
  looksLikeGcpAssetIamPolicies,
  looksLikeGcpIamPolicy,
  looksLikeGcpServiceAccountKeys,
  looksLikeGcpServiceAccounts,
  looksLikeKubernetesRbac,
} from './iam-export-shapes';

const json = (looksLike: (json: unknown) => boolean) => (source: ImportSource) => source.looksLikeJson && looksLike(source.jsonOrUndefined());

/** Every IAM export's shape, most specific first (the order decides a file two shapes would take). */
const IAM_SHAPES: ReadonlyArray<{ format: IamFormat; detect(source: ImportSource): boolean }> = [
  { format: 'aws-authorization-details', detect: json(looksLikeAwsAuthorizationDetails) },
  // The raw `get-credential-report` JSON (base64 CSV in Content) or the CSV itself.
  { format: 'aws-credential-report', detect: (source) => looksLikeAwsCredentialReport(source.text) },
  { format: 'gcp-asset-iam-policies', detect: json(looksLikeGcpAssetIamPolicies) },
  { format: 'gcp-iam-policy', detect: json(looksLikeGcpIamPolicy) },
  { format: 'gcp-service-account-keys', detect: json(looksLikeGcpServiceAccountKeys) },
  { format: 'gcp-service-accounts', detect: json(looksLikeGcpServiceAccounts) },
  { format: 'azure-role-assignments', detect: json(looksLikeAzureRoleAssignments) },
  { format: 'kubernetes-rbac', detect: json(looksLikeKubernetesRbac) },
];

export const iamDetector: ImportDetector = {
  describes: 'a cloud IAM export (AWS authorization details or credential report, GCP IAM policy, service accounts or keys, Azure role assignments, Kubernetes RBAC)',
  detect: (source) => IAM_SHAPES.find((shape) => shape.detect(source))?.format ?? null,
};
