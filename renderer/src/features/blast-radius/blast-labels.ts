import type { GraphNodeKind } from '../../../../shared/blast-radius';
import { RISK_CLASS_LABELS, type Environment, type PrincipalKind, type RiskClass, type Sensitivity } from '../../../../shared/iam';
import type { BadgeTone } from '../../ui/Badge';

export const ENVIRONMENT_LABELS: Record<Environment, string> = { prod: 'Production', staging: 'Staging', dev: 'Development', unknown: 'Unknown env.' };
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = { public: 'Public', internal: 'Internal', confidential: 'Confidential', restricted: 'Restricted', unknown: 'Unclassified' };
export const SENSITIVITY_TONES: Record<Sensitivity, BadgeTone> = { public: 'muted', internal: 'neutral', confidential: 'warning', restricted: 'danger', unknown: 'muted' };
export const ENVIRONMENT_TONES: Record<Environment, BadgeTone> = { prod: 'danger', staging: 'neutral', dev: 'muted', unknown: 'muted' };

export const NODE_KIND_LABELS: Record<GraphNodeKind, string> = { agent: 'Agent', credential: 'Credential', principal: 'Principal', 'data-source': 'Data source' };

export const PRINCIPAL_KIND_LABELS: Record<PrincipalKind, string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  root: 'root user',
  'service-account': 'service account',
  'service-principal': 'service principal',
  'k8s-service-account': 'Kubernetes service account',
  domain: 'domain',
  public: 'anyone',
  'foreign-account': 'foreign account',
  service: 'service',
};

/** Production data, or restricted/confidential data: what the graph and tables set apart (with text, not only colour). */
export function isSensitiveTarget(environment: Environment | undefined, sensitivity: Sensitivity | undefined): boolean {
  return environment === 'prod' || sensitivity === 'restricted' || sensitivity === 'confidential';
}

const FLAG_LABELS: Record<string, { label: string; tone: BadgeTone; title: string }> = {
  'shared-credential': { label: 'Shared credential', tone: 'warning', title: 'Other agents or systems hold the same identity' },
  'public-trust': { label: 'Trust open to anyone', tone: 'danger', title: 'Any principal may assume this role' },
  'foreign-trust': { label: 'Foreign account trust', tone: 'warning', title: 'An account outside the imported ones may assume this role' },
  wildcard: { label: 'Wildcard', tone: 'warning', title: 'A resource pattern: it reaches every data source it matches' },
};

/** The flags worth a badge; 'focus' marks the subject and is shown by the node's frame instead. */
export function flagBadges(flags: readonly string[]): Array<{ key: string; label: string; tone: BadgeTone; title: string }> {
  const badges = [];
  for (const flag of flags) {
    if (flag === 'focus') continue;
    const known = FLAG_LABELS[flag];
    if (known) badges.push({ key: flag, ...known });
    else if (flag in RISK_CLASS_LABELS) badges.push({ key: flag, label: RISK_CLASS_LABELS[flag as RiskClass], tone: 'danger' as const, title: 'Risk class' });
    else badges.push({ key: flag, label: flag, tone: 'neutral' as const, title: flag });
  }
  return badges;
}
