import type { IamFacts } from '../../../shared/iam';
import { IamFactsCollector } from '../iam-facts-collector';
import { IamJsonInput, jsonPath } from '../iam-json-input';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeGcpServiceAccounts } from '../iam-export-shapes';


export function readGcpServiceAccounts(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with gcloud iam service-accounts list --format=json');
  const accounts = input.list(json, '').map((raw, index) => {
    const path = `[${index}]`;
    const account = input.record(raw, path);
    return {
      email: input.requiredText(account, 'email', path),
      displayName: input.optionalText(account, 'displayName', path),
      description: input.optionalText(account, 'description', path),
      uniqueId: input.optionalText(account, 'uniqueId', path),
      projectId: input.optionalText(account, 'projectId', path),
      oauth2ClientId: input.optionalText(account, 'oauth2ClientId', path),
      disabled: input.optionalBoolean(account, 'disabled', path) ?? false,
      path: jsonPath(path, 'email'),
    };
  });
  const projects = new Set(accounts.map((account) => account.projectId).filter((project): project is string => Boolean(project)));
  const scope = opts?.scope?.trim() || (projects.size === 1 ? [...projects][0]! : '');
  const facts = new IamFactsCollector('gcp', 'gcp-service-accounts', scope);
  for (const account of accounts) {
    const attributes: Record<string, string> = { disabled: String(account.disabled) };
    if (account.displayName) attributes['displayName'] = account.displayName;
    if (account.description) attributes['description'] = account.description;
    if (account.uniqueId) attributes['uniqueId'] = account.uniqueId;
    if (account.oauth2ClientId) attributes['oauth2ClientId'] = account.oauth2ClientId;
    // Google-managed service agents live outside the project's own accounts; worth telling apart.
    if (!account.email.endsWith('.iam.gserviceaccount.com') || account.email.includes('@gcp-sa-')) attributes['managedBy'] = 'Google (default or service agent)';
    facts.addPrincipal({ key: `serviceAccount:${account.email}`, kind: 'service-account', name: account.email, scope: account.projectId ?? scope, attributes });
  }
  return facts.finish({ serviceAccounts: accounts.length, disabled: accounts.filter((account) => account.disabled).length });
}
