import type { IamFacts, IamFormat } from '../../shared/iam';
import type { ImportReader, ReadContext } from '../imports/import-reader';
import type { ImportSource } from '../imports/import-source';
import { readAwsAuthorizationDetails } from './aws/authorization-details';
import { readAwsCredentialReport } from './aws/credential-report';
import { readAzureRoleAssignments } from './azure/azure-role-assignments';
import { readGcpAssetIamPolicies } from './gcp/gcp-asset-iam-policies';
import { readGcpIamPolicy } from './gcp/gcp-iam-policy';
import { readGcpServiceAccountKeys } from './gcp/gcp-service-account-keys';
import { readGcpServiceAccounts } from './gcp/gcp-service-accounts';
import { iamDetector } from './iam-detector';
import { storeIamFacts } from './iam-repository';
import { readKubernetesRbac } from './kubernetes/kubernetes-rbac';

/** How to read one IAM export format into facts (iam-detector.ts recognises it). */
interface IamFormatSpec {
  format: IamFormat;
  read(source: ImportSource, ctx: ReadContext): IamFacts;
}

const jsonFormat = (format: IamFormat, read: (fileName: string, json: unknown, ctx: ReadContext) => IamFacts): IamFormatSpec => ({
  format,
  read: (source, ctx) => read(source.fileName, source.json(), ctx),
});

const IAM_FORMATS: IamFormatSpec[] = [
  jsonFormat('aws-authorization-details', (fileName, json, ctx) =>
    readAwsAuthorizationDetails(fileName, json, {
      onProgress: (done, total) => ctx.progress(done, total, `Evaluating policies of ${fileName}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} principals`),
      throwIfCancelled: ctx.throwIfCancelled,
    }),
  ),
  { format: 'aws-credential-report', read: (source) => readAwsCredentialReport(source.fileName, source.text) },
  jsonFormat('gcp-asset-iam-policies', (fileName, json) => readGcpAssetIamPolicies(fileName, json)),
  jsonFormat('gcp-iam-policy', (fileName, json) => readGcpIamPolicy(fileName, json)),
  jsonFormat('gcp-service-account-keys', (fileName, json) => readGcpServiceAccountKeys(fileName, json)),
  jsonFormat('gcp-service-accounts', (fileName, json) => readGcpServiceAccounts(fileName, json)),
  jsonFormat('azure-role-assignments', (fileName, json) => readAzureRoleAssignments(fileName, json)),
  jsonFormat('kubernetes-rbac', (fileName, json) => readKubernetesRbac(fileName, json)),
];

/**
 * Cloud IAM exports into the identity graph. The source is the format plus the account, project,
 * tenant or cluster the file describes: importing the same account's export again replaces its
 * principals, grants and data sources, while links and classifications people made stay.
 */
export const iamReader: ImportReader<IamFacts> = {
  ...iamDetector,
  read(source, format, ctx) {
    const spec = IAM_FORMATS.find((s) => s.format === format)!;
    ctx.progress(0, 0, `Reading ${source.fileName}…`);
    const facts = spec.read(source, ctx);
    return { format, provider: facts.provider, scope: facts.scope, counts: facts.counts, warnings: facts.warnings.map((message) => ({ position: '', message })), data: facts };
  },
  sourceKey: (parsed, source) => `${parsed.format}:${parsed.scope || source.sha256}`,
  apply: (db, parsed, importId, _source, ctx) => storeIamFacts(db, importId, parsed.data, ctx.throwIfCancelled),
};
