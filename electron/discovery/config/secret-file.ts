import type { ConfigFindings } from '../findings';
import { knownSecretsIn } from '../secret-shapes';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { knownLiteral, recordLiteralSecret } from './secrets';
import { ConfigSource } from './source';
import { newFindings, type UnitFacts } from './units';

/** One value a secrets file sets: its name, the value as a program reads it, the line it starts on. */
export interface FileEntry {
  name: string;
  value: string;
  line: number;
}

export interface SecretFileReading {
  format: string;
  entries: FileEntry[];
  /** How an entry's line is shown in evidence: its name and an ellipsis, never its value. */
  shownAs: (name: string) => string;
}

/**
 * The credentials a file of values sets (.env, terraform.tfvars, a key file): names,
 * fingerprints under the workspace key, and previews of known key shapes; nothing else of it.
 * The analyzers see the file through a copy in which every line is replaced by its name and an
 * ellipsis, so no snippet can carry a value, not even a password too short or too plain to be
 * recognised as one. Known key shapes anywhere else in the file (a commented-out old key) are
 * recorded too: a secret on disk is a finding wherever it sits. The findings apply to the units
 * of the file's folder (see linkUnits).
 */
export function secretFileFindings(path: string, text: string, reading: SecretFileReading, ctx: ConfigContext): ConfigFindings {
  const lines = text.split(/\r\n|\r|\n/);
  const shown = lines.map(() => '');
  for (const entry of reading.entries) shown[entry.line - 1] = reading.shownAs(entry.name);
  const elsewhere = knownSecretsIn(text).map((secret) => ({ secret, line: text.slice(0, secret.index).split(/\r\n|\r|\n/).length }));
  for (const { line } of elsewhere) shown[line - 1] ||= '…';
  const src = new ConfigSource(path, shown.join('\n'), ctx);
  // Only credentials are kept: a file of values runs nothing, and the units that read it have their own LLM facts.
  const facts: UnitFacts = { credentials: [], endpoints: [], capabilities: [], llm: [] };
  for (const entry of reading.entries) if (entry.value.trim() !== '') recordEnvEntry(src, facts, entry);
  for (const { secret, line } of elsewhere) {
    const fingerprint = src.fingerprint(secret.value);
    if (facts.credentials.some((c) => c.fingerprint === fingerprint)) continue;
    recordLiteralSecret(src, facts, knownLiteral(secret), line, secret.label);
  }
  return { ...newFindings(path, reading.format), credentials: facts.credentials, appliesToFolder: true };
}
