import type { IamFacts, IamFormat } from '../../shared/iam';
import type { ImportReader, ReadContext } from '../imports/import-reader';
import type { ImportSource } from '../imports/import-source';
import { looksLikeAwsAuthorizationDetails, readAwsAuthorizationDetails } from './aws/authorization-details';
import { looksLikeAwsCredentialReport, readAwsCredentialReport } from './aws/credential-report';
import { looksLikeAzureRoleAssignments, readAzureRoleAssignments } from './azure/azure-role-assignments';
import { looksLikeGcpAssetIamPolicies, readGcpAssetIamPolicies } from './gcp/gcp-asset-iam-policies';
import { looksLikeGcpIamPolicy, readGcpIamPolicy } from './gcp/gcp-iam-policy';
import { looksLikeGcpServiceAccountKeys, readGcpServiceAccountKeys } from './gcp/gcp-service-account-keys';
import { looksLikeGcpServiceAccounts, readGcpServiceAccounts } from './gcp/gcp-service-accounts';
import { storeIamFacts } from './iam-repository';
import { looksLikeKubernetesRbac, readKubernetesRbac } from './kubernetes/kubernetes-rbac';

/** One IAM export format: how to recognise it from its content and read it into facts. */
interface IamFormatSpec {
  format: IamFormat;
  detect(source: ImportSource): boolean;
  read(source: ImportSource, ctx: ReadContext): IamFacts;
}

const jsonFormat = (format: IamFormat, looksLike: (json: unknown) => boolean, read: (fileName: string, json: unknown, ctx: ReadContext) => IamFacts): IamFormatSpec => ({
  format,
  detect: (source) => source.looksLikeJson && looksLike(source.jsonOrUndefined()),
  read: (source, ctx) => read(source.fileName, source.json(), ctx),
});

/** Every IAM export, most specific shape first. */
const IAM_FORMATS: IamFormatSpec[] = [
  jsonFormat('aws-authorization-details', looksLikeAwsAuthorizationDetails, (fileName, json, ctx) =>
    readAwsAuthorizationDetails(fileName, json, {
      onProgress: (done, total) => ctx.progress(done, total, `Evaluating policies of ${fileName}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} principals`),
      throwIfCancelled: ctx.throwIfCancelled,
    }),
  ),
  {
    format: 'aws-credential-report',
    // The raw `get-credential-report` JSON (base64 CSV in Content) or the CSV itself.
    detect: (source) => looksLikeAwsCredentialReport(source.text),
    read: (source) => readAwsCredentialReport(source.fileName, source.text),
  },
  jsonFormat('gcp-asset-iam-policies', looksLikeGcpAssetIamPolicies, (fileName, json) => readGcpAssetIamPolicies(fileName, json)),
  jsonFormat('gcp-iam-policy', looksLikeGcpIamPolicy, (fileName, json) => readGcpIamPolicy(fileName, json)),
  jsonFormat('gcp-service-account-keys', looksLikeGcpServiceAccountKeys, (fileName, json) => readGcpServiceAccountKeys(fileName, json)),
  jsonFormat('gcp-service-accounts', looksLikeGcpServiceAccounts, (fileName, json) => readGcpServiceAccounts(fileName, json)),
  jsonFormat('azure-role-assignments', looksLikeAzureRoleAssignments, (fileName, json) => readAzureRoleAssignments(fileName, json)),
  jsonFormat('kubernetes-rbac', looksLikeKubernetesRbac, (fileName, json) => readKubernetesRbac(fileName, json)),
];

/**
 * Cloud IAM exports into the identity graph. The source is the format plus the account, project,
 * tenant or cluster the file describes: importing the same account's export again replaces its
 * principals, grants and data sources, while links and classifications people made stay.
 */
export const iamReader: ImportReader<IamFacts> = {
  describes: 'a cloud IAM export (AWS authorization details or credential report, GCP IAM policy, service accounts or keys, Azure role assignments, Kubernetes RBAC)',
  detect: (source) => IAM_FORMATS.find((spec) => spec.detect(source))?.format ?? null,
  read(source, format, ctx) {
    const spec = IAM_FORMATS.find((s) => s.format === format)!;
    ctx.progress(0, 0, `Reading ${source.fileName}…`);
    const facts = spec.read(source, ctx);
    return { format, provider: facts.provider, scope: facts.scope, counts: facts.counts, warnings: facts.warnings.map((message) => ({ position: '', message })), data: facts };
  },
  sourceKey: (parsed, source) => `${parsed.format}:${parsed.scope || source.sha256}`,
  apply: (db, parsed, importId, _source, ctx) => storeIamFacts(db, importId, parsed.data, ctx.throwIfCancelled),
};
