/**
 * Cloud identity facts, as every IAM importer produces them (bytes in, facts out) and the store
 * keeps them: principals, what they may assume or belong to, the credentials that authenticate
 * as them, the data sources named by their policies, and the grants that join the two. Every
 * grant and every risk links back to the policy statement or binding that gives it.
 */

export const CLOUD_PROVIDERS = ['aws', 'gcp', 'azure', 'kubernetes'] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** Every IAM export the import pipeline reads; detected from content, not only the file name. */
export const IAM_FORMATS = [
  'aws-authorization-details', // aws iam get-account-authorization-details
  'aws-credential-report', // aws iam get-credential-report (CSV, or the raw JSON with base64 Content)
  'gcp-iam-policy', // gcloud projects get-iam-policy P --format=json
  'gcp-asset-iam-policies', // gcloud asset search-all-iam-policies --format=json
  'gcp-service-accounts', // gcloud iam service-accounts list --format=json
  'gcp-service-account-keys', // gcloud iam service-accounts keys list --format=json
  'azure-role-assignments', // az role assignment list --all -o json
  'kubernetes-rbac', // kubectl get roles,clusterroles,rolebindings,clusterrolebindings -A -o json
] as const;
export type IamFormat = (typeof IAM_FORMATS)[number];

export const PRINCIPAL_KINDS = [
  'user', // AWS IAM user, GCP user:, Azure User, Kubernetes User
  'group', // AWS IAM group, GCP group:, Azure Group, Kubernetes Group
  'role', // AWS IAM role
  'root', // an AWS account's root user (credential report) or "arn:aws:iam::123:root" in a trust policy
  'service-account', // GCP serviceAccount:
  'service-principal', // Azure ServicePrincipal (apps, managed identities)
  'k8s-service-account',
  'domain', // GCP domain:example.com
  'public', // GCP allUsers / allAuthenticatedUsers, AWS Principal "*"
  'foreign-account', // an AWS account outside the imported ones, named in a trust policy
  'service', // an AWS service principal (lambda.amazonaws.com) or a federated identity provider
] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** AWS's access levels, the vocabulary used for every provider; ordered from least to most. */
export const ACCESS_LEVELS = ['list', 'read', 'tagging', 'write', 'permissions-management'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const ACCESS_LEVEL_LABELS: Record<AccessLevel, string> = {
  list: 'List',
  read: 'Read',
  tagging: 'Tagging',
  write: 'Write',
  'permissions-management': 'Permissions management',
};
export function accessRank(level: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(level);
}
export function highestAccess(levels: Iterable<AccessLevel>): AccessLevel | null {
  let best: AccessLevel | null = null;
  for (const level of levels) if (best === null || accessRank(level) > accessRank(best)) best = level;
  return best;
}

export const RISK_CLASSES = ['privilege-escalation', 'data-exfiltration', 'resource-exposure', 'credentials-exposure', 'infrastructure-modification'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const RISK_CLASS_LABELS: Record<RiskClass, string> = {
  'privilege-escalation': 'Privilege escalation',
  'data-exfiltration': 'Data exfiltration',
  'resource-exposure': 'Resource exposure',
  'credentials-exposure': 'Credentials exposure',
  'infrastructure-modification': 'Infrastructure modification',
};

export const DATA_SOURCE_KINDS = [
  'bucket',
  'table',
  'database',
  'secret',
  'parameter',
  'queue',
  'topic',
  'stream',
  'dataset', // BigQuery dataset, Glue/Athena database
  'key', // KMS key: whoever decrypts reads what it protects
  'scope', // Azure subscription / resource group / resource scope
  'k8s-resource', // Kubernetes secrets, configmaps, ... in a namespace or cluster-wide
  'service-wide', // "every S3 bucket in account 123": a grant on a resource wildcard
] as const;
export type DataSourceKind = (typeof DATA_SOURCE_KINDS)[number];

export const ENVIRONMENTS = ['prod', 'staging', 'dev', 'unknown'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted', 'unknown'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** The statement or binding a fact comes from, so a reviewer can read it where it was written. */
export interface StatementRef {
  /** What a person calls it: policy name, role name, "inline policy deploy-access of role x". */
  policy: string;
  /** Stable id: a managed policy ARN, "inline:<principal key>:<policy name>", a binding's role + index. */
  policyKey: string;
  /** The statement's Sid, or "#3" (1-based position) when it has none; a binding: the role name. */
  statement: string;
  /** The statement or binding as written (JSON), at most 2,000 characters. */
  text: string;
}

export interface PrincipalFact {
  /**
   * Stable across imports: the ARN (AWS), "serviceAccount:a@p.iam.gserviceaccount.com" / "user:x@y"
   * (GCP, as IAM bindings write members), the object id (Azure), "k8s:<cluster>:<namespace>:<kind>:<name>".
   */
  key: string;
  provider: CloudProvider;
  kind: PrincipalKind;
  /** What a person reads: role name, user name, service account email, Azure principalName (or the id). */
  name: string;
  /** The account id, project, tenant/subscription or cluster it belongs to ('' when unknown). */
  scope: string;
  createdAt: string | null;
  /** Last use the export reports (AWS RoleLastUsed, credential report), ISO 8601. */
  lastUsedAt: string | null;
  tags: Record<string, string>;
  /** Anything else worth showing as is ("mfa: false", "password: enabled", "path: /service/"). */
  attributes: Record<string, string>;
}

/** member -> group (AWS group membership, Kubernetes/GCP groups when an export says so). */
export interface MembershipFact {
  memberKey: string;
  groupKey: string;
}

/** `principalKey` may be assumed by `trustedKey` (AWS role trust policies; GCP/K8s impersonation). */
export interface TrustFact {
  principalKey: string;
  trustedKey: string;
  trustedKind: PrincipalKind;
  /** "*" or an account outside the imported ones can assume it: worth flagging on its own. */
  openToAnyone: boolean;
  foreignAccount: boolean;
  conditional: boolean;
  via: StatementRef;
}

export const CLOUD_CREDENTIAL_KINDS = ['access-key', 'password', 'certificate', 'service-account-key'] as const;
export type CloudCredentialKind = (typeof CLOUD_CREDENTIAL_KINDS)[number];

/** A long-lived secret that authenticates as a principal (credential report rows, GCP key lists). */
export interface CloudCredentialFact {
  /** "aws-access-key:<user arn>:1", "gcp-key:<key name>". */
  key: string;
  principalKey: string;
  kind: CloudCredentialKind;
  /** What a person reads: "access key 1 of deploy-bot", "key 3fa2… of sa@p". */
  name: string;
  active: boolean;
  createdAt: string | null;
  lastRotatedAt: string | null;
  lastUsedAt: string | null;
  /** "last used by s3 in eu-west-1", "USER_MANAGED", "mfa: false". */
  attributes: Record<string, string>;
}

export interface DataSourceFact {
  /** Stable: the resource ARN without object paths ("arn:aws:s3:::payments-prod"), the GCP resource name, Azure scope, "k8s:<cluster>:<namespace>:secrets". */
  key: string;
  provider: CloudProvider;
  /** "s3", "dynamodb", "secretsmanager", "bigquery", "Microsoft.Storage", "secrets". */
  service: string;
  kind: DataSourceKind;
  name: string;
  scope: string;
  /** A resource pattern ("arn:aws:s3:::payments-*", "*"): it reaches every data source it matches. */
  wildcard: boolean;
  tags: Record<string, string>;
}

/** `principalKey` can act on `dataSourceKey` at `access`; one fact per (principal, data source, statement). */
export interface GrantFact {
  principalKey: string;
  dataSourceKey: string;
  /** The highest access level of the actions allowed. */
  access: AccessLevel;
  /** The allowed actions (or permissions / verbs), at most 50, most severe first. */
  actions: string[];
  riskClasses: RiskClass[];
  /** Allowed only under a Condition (or GCP/Azure condition): shown as "conditional", not dropped. */
  conditional: boolean;
  via: StatementRef;
}

/**
 * `principalKey` may call sts:AssumeRole (or the provider's like) on roles matching `resource`:
 * with a role whose trust names the principal's own account, that is a way in. Kept as the
 * pattern and joined at query time: an organisation's admins times its account-trusting roles
 * would otherwise be a million pairs.
 */
export interface AssumeGrantFact {
  principalKey: string;
  /** A role ARN or pattern ("arn:aws:iam::123:role/deploy-*", "*"). */
  resource: string;
  conditional: boolean;
  via: StatementRef;
}

/** A risk a cloud reviewer flags on a principal, whatever data it reaches. */
export interface PrincipalRiskFact {
  principalKey: string;
  riskClass: RiskClass;
  /** "iam:PassRole on * (with lambda:CreateFunction)", "trust open to any AWS principal". */
  detail: string;
  conditional: boolean;
  via: StatementRef;
}

/** Everything one IAM file says; the pipeline stores it in one transaction under one `imports` row. */
export interface IamFacts {
  provider: CloudProvider;
  format: IamFormat;
  /** The account, project, tenant/subscription or cluster the file describes ('' when the file does not say). */
  scope: string;
  principals: PrincipalFact[];
  memberships: MembershipFact[];
  trusts: TrustFact[];
  credentials: CloudCredentialFact[];
  dataSources: DataSourceFact[];
  grants: GrantFact[];
  risks: PrincipalRiskFact[];
  /** AWS: who may assume roles that trust their account, by pattern (other providers state trusts directly). */
  assumeGrants?: AssumeGrantFact[];
  /** What a person checks against the console: users, groups, roles, policies, bindings, data sources, ... */
  counts: Record<string, number>;
  /** Things read but not understood (an unknown role, a statement with no resource); the import goes on. */
  warnings: string[];
}
