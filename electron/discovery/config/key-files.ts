import type { ConfigFindings } from '../findings';
import { knownSecretsIn } from '../secret-shapes';
import type { ConfigContext } from './context';
import { parseJsonDocument } from './json-document';
import { secretFileFindings } from './secret-file';
import { knownLiteral, recordLiteralSecret } from './secrets';
import { ConfigSource } from './source';
import { asRecord, asText } from './values';

/** A .pem or .key file, id_rsa: the private keys in it, by fingerprint (certificates and public keys are not secrets). */
export function analyzeKeyFile(path: string, text: string, ctx: ConfigContext): ConfigFindings {
  return secretFileFindings(path, text, { format: 'key-file', entries: [], shownAs: () => '…' }, ctx);
}

/** Google service-account key files: `"type": "service_account"` with a `"private_key"`, by content (they have any name). */
export function isServiceAccountKeyText(text: string): boolean {
  return /"type"\s*:\s*"service_account"/.test(text) && /"private_key"\s*:/.test(text);
}

/**
 * A Google service-account key file: its private key, named after the account it signs in as
 * (the account's e-mail is an identifier, not a secret), plus any other key shape in the file.
 */
export function analyzeServiceAccountKey(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const document = parseJsonDocument(new ConfigSource(path, text, ctx));
  const account = asRecord(document.value);
  const privateKey = asText(account?.private_key);
  if (account?.type !== 'service_account' || !privateKey) return null;
  const line = document.lineOf(['private_key']);
  const findings = secretFileFindings(path, text, { format: 'gcp-service-account-key', entries: [], shownAs: () => '' }, ctx);
  const key = knownSecretsIn(privateKey).find((s) => s.provider === 'private-key');
  if (!key) return findings;
  const email = asText(account.client_email);
  const src = new ConfigSource(path, text.split(/\r\n|\r|\n/).map((_, i) => (i + 1 === line ? '"private_key": …' : '')).join('\n'), ctx);
  const named = { ...knownLiteral(key), provider: 'google', label: `google service account key${email ? ` of ${email}` : ''}` };
  // The same key was already found by its shape: keep one credential, under the account's name.
  const fingerprint = src.fingerprint(named.value);
  const credentials = findings.credentials.filter((c) => c.fingerprint !== fingerprint);
  const facts = { credentials };
  recordLiteralSecret(src, facts, named, line, named.label);
  return { ...findings, credentials: facts.credentials };
}
