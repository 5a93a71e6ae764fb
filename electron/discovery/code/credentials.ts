import type { CredentialReference } from '../../../shared/discovery';
import { fingerprintSecret, secretCredentialName } from '../secret-fingerprint';
import { knownSecretsIn, secretPreview, secretsKnownByNameIn, type KnownSecret } from '../secret-shapes';
import { callMatches, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import type { Compiled, CredentialRuleJson } from './rules';

type CredentialRule = Compiled<CredentialRuleJson>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An AWS secret access key is known only by the name beside it, so the lines that may name one are read whole. */
const MIGHT_NAME_AWS_SECRET = /secret.?access.?key/i;
/** No known key shape is shorter (xoxb- and ten characters); most literals are, and are skipped. */
const SHORTEST_SECRET = 15;
/** Values that stand in for a secret in samples and templates. */
const PLACEHOLDER = /^(?:<[^>]*>|\$\{?[\w.]*\}?|\{\{.*\}\}|x+|\*+|\.+|your[\w -]*|change[-_ ]?me|dummy|example|placeholder|test|none|null|secret|password)$|\{\}|\.\.\.|…/i;
/** scheme://user:password@host — the password is never kept, only its fingerprint. */
const CONNECTION_STRING = /\b([a-z][a-z0-9+.-]*):\/\/([^:/@\s]+):([^@\s/]+)@([^/:?#\s]+)/gi;

/**
 * Credentials a file reaches for: environment variables that hold secrets (by name), secrets
 * written into the code, and connection strings with passwords. Secret values are only ever
 * turned into a fingerprint under the workspace key here, and a preview of known shapes (public
 * prefix and length); the evidence snippet is redacted by makeEvidence.
 */
export function findCredentials(context: FindingContext): CredentialReference[] {
  const found = new Map<string, CredentialReference>();
  const add = (key: string, reference: CredentialReference) => {
    if (!found.has(key)) found.set(key, reference);
  };
  for (const rule of context.rules.credential) {
    switch (rule.credentialKind) {
      case 'env-var':
        findEnvVars(context, rule, add);
        break;
      case 'hardcoded-secret':
        findHardcodedSecrets(context, rule, add);
        break;
      case 'connection-string':
        findConnectionStrings(context, rule, add);
        break;
    }
  }
  return [...found.values()];
}

type Add = (key: string, reference: CredentialReference) => void;

function findEnvVars(context: FindingContext, rule: CredentialRule, add: Add): void {
  const { model } = context;
  const reads: Array<{ name: string; line: number }> = [];
  for (const call of model.calls) {
    const name = callMatches(rule.match.calls, call) ? literalText(resolved(model, call.args[0])) : null;
    if (name !== null) reads.push({ name, line: call.line });
  }
  for (const access of model.keyedAccesses) if (rule.match.containers?.test(access.container)) reads.push({ name: access.key, line: access.line });
  for (const { name, line } of reads.sort((a, b) => a.line - b.line)) {
    if (!ENV_NAME.test(name) || !isCredentialName(rule, name)) continue;
    const provider = rule.providers?.find((entry) => name.toUpperCase().startsWith(entry.prefix.toUpperCase()))?.provider ?? null;
    add(`env:${name}`, { kind: 'env-var', name, provider, fingerprint: null, preview: null, evidence: context.evidence(line, rule) });
  }
}

/** LOG_LEVEL is configuration; OPENAI_API_KEY, DB_PASSWORD and SLACK_WEBHOOK_URL are credentials. */
function isCredentialName(rule: CredentialRule, name: string): boolean {
  const hints = rule.match.nameHints;
  return !hints || hints.test(name) || name.split('_').some((part) => hints.test(part));
}

function findHardcodedSecrets(context: FindingContext, rule: CredentialRule, add: Add): void {
  const { model, fingerprintKey } = context;
  const record = (secret: KnownSecret, line: number) => {
    const fingerprint = fingerprintSecret(secret.value, fingerprintKey);
    const preview = secretPreview(secret);
    add(`secret:${fingerprint}`, { kind: 'hardcoded-secret', name: secretCredentialName(secret.label, preview, fingerprint), provider: secret.provider, fingerprint, preview, evidence: context.evidence(line, rule) });
  };
  for (const literal of model.strings) {
    if (literal.text.length < SHORTEST_SECRET) continue;
    for (const secret of knownSecretsIn(literal.text)) record(secret, literal.line);
  }
  model.lines.forEach((text, i) => {
    if (!MIGHT_NAME_AWS_SECRET.test(text)) return;
    for (const secret of secretsKnownByNameIn(text)) record(secret, i + 1);
  });
  // api_key="…" with a value of no known shape is still a secret in the code.
  if (!rule.match.secretArgs) return;
  for (const named of model.namedValues) {
    if (!rule.match.secretArgs.test(named.name)) continue;
    const value = named.value.kind === 'string' && !named.value.interpolated ? named.value.text : null;
    if (value === null || value.length < 8 || /\s/.test(value) || PLACEHOLDER.test(value)) continue;
    const fingerprint = fingerprintSecret(value, fingerprintKey);
    add(`secret:${fingerprint}`, { kind: 'hardcoded-secret', name: secretCredentialName(named.name, null, fingerprint), provider: null, fingerprint, preview: null, evidence: context.evidence(named.line, rule) });
  }
}

/**
 * The host names the credential; the password is fingerprinted so the same password elsewhere
 * matches, and nothing of it is shown: no characters, no length.
 */
function findConnectionStrings(context: FindingContext, rule: CredentialRule, add: Add): void {
  for (const literal of context.model.strings) {
    if (!literal.text.includes('@')) continue;
    for (const match of literal.text.matchAll(CONNECTION_STRING)) {
      const [, scheme = '', , password = '', host = ''] = match;
      if (!rule.match.schemes?.test(scheme) || PLACEHOLDER.test(password)) continue;
      const fingerprint = fingerprintSecret(password, context.fingerprintKey);
      add(`connection:${fingerprint}:${host}`, { kind: 'connection-string', name: `${scheme.toLowerCase()}://${host.toLowerCase()}`, provider: scheme.toLowerCase(), fingerprint, preview: null, evidence: context.evidence(literal.line, rule) });
    }
  }
}
