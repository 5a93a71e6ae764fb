import type { IamFacts } from '../../../shared/iam';
import { IamFactsCollector, statementRef } from '../iam-facts-collector';
import { clipText, IamJsonInput, jsonPath } from '../iam-json-input';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeGcpServiceAccountKeys } from '../iam-export-shapes';

const KEY_NAME = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)\/keys\/([^/]+)$/;
/** Keys with no expiry report this far-future time. */
const NEVER_EXPIRES = '9999-12-31T23:59:59Z';


export function readGcpServiceAccountKeys(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with gcloud iam service-accounts keys list --iam-account=SERVICE_ACCOUNT --format=json');
  const keys = input.list(json, '').map((raw, index) => {
    const path = `[${index}]`;
    const key = input.record(raw, path);
    const name = input.requiredText(key, 'name', path);
    const match = KEY_NAME.exec(name.length > 2000 ? '' : name);
    if (!match) throw input.invalid(jsonPath(path, 'name'), 'expected projects/PROJECT/serviceAccounts/EMAIL/keys/KEY_ID');
    return {
      index,
      name,
      project: match[1]!,
      email: match[2]!,
      id: match[3]!,
      keyType: input.optionalText(key, 'keyType', path) ?? 'KEY_TYPE_UNSPECIFIED',
      keyOrigin: input.optionalText(key, 'keyOrigin', path),
      keyAlgorithm: input.optionalText(key, 'keyAlgorithm', path),
      validAfterTime: input.optionalText(key, 'validAfterTime', path) ?? null,
      validBeforeTime: input.optionalText(key, 'validBeforeTime', path) ?? null,
      disabled: input.optionalBoolean(key, 'disabled', path) ?? false,
      raw: key,
    };
  });
  const projects = new Set(keys.map((key) => key.project).filter((project) => project !== '-'));
  const scope = opts?.scope?.trim() || (projects.size === 1 ? [...projects][0]! : '');
  const facts = new IamFactsCollector('gcp', 'gcp-service-account-keys', scope);
  for (const key of keys) {
    const principalKey = `serviceAccount:${key.email}`;
    facts.addPrincipal({ key: principalKey, kind: 'service-account', name: key.email, scope: key.project === '-' ? scope : key.project });
    const userManaged = key.keyType === 'USER_MANAGED';
    const attributes: Record<string, string> = { keyType: key.keyType, expires: key.validBeforeTime === NEVER_EXPIRES ? 'never' : (key.validBeforeTime ?? 'unknown') };
    if (key.keyOrigin) attributes['keyOrigin'] = key.keyOrigin;
    if (key.keyAlgorithm) attributes['keyAlgorithm'] = key.keyAlgorithm;
    if (key.disabled) attributes['disabled'] = 'true';
    facts.addCredential({
      key: `gcp-key:${key.name}`,
      principalKey,
      kind: 'service-account-key',
      name: `key ${clipText(key.id, 8)} of ${clipText(key.email, 200)}`,
      active: !key.disabled,
      createdAt: key.validAfterTime,
      lastRotatedAt: key.validAfterTime,
      lastUsedAt: null,
      attributes,
    });
    // Google rotates its own keys within weeks; a user-managed key is a long-lived secret someone holds.
    if (userManaged && !key.disabled) {
      facts.addRisk({
        principalKey,
        riskClass: 'credentials-exposure',
        detail: `user-managed key ${clipText(key.id, 12)} (created ${key.validAfterTime ?? 'unknown'}, expires ${attributes['expires']})`,
        conditional: false,
        via: statementRef(`keys of ${key.email}`, key.name, 'USER_MANAGED', key.raw),
      });
    }
  }
  return facts.finish({
    keys: keys.length,
    userManaged: keys.filter((key) => key.keyType === 'USER_MANAGED').length,
    systemManaged: keys.filter((key) => key.keyType === 'SYSTEM_MANAGED').length,
    disabled: keys.filter((key) => key.disabled).length,
  });
}
