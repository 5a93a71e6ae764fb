import type { CodeModel, Value } from './code-model';
import { redactSecrets } from '../evidence';
import { nameLiteral } from './finding-context';

/** `TRIAGE_AGENT_TYPE = "triage_agent"` (also annotated, `X: str = "…"`) at the start of a line. */
const CONSTANT_LINE = /^([A-Z][A-Z0-9_]*)\s*(?::\s*[\w.[\], ]+)?=\s*[rRuU]?["']/;
/**
 * Only values shaped like a name are kept: the findings cross threads and are stored, and a
 * constant may hold a secret (`DSN = "postgresql://u:pw@…"`, an access key), which must never be.
 */
const NAME_VALUE = /^[A-Za-z][\w.\- ]{0,63}$/;
const SECRET_NAME = /KEY|SECRET|TOKEN|PASS|CRED|AUTH|DSN|URL|URI|CONN/;

/**
 * A Python module's name constants (`TRIAGE_AGENT_TYPE = "triage_agent"`): upper-case names
 * bound at module level to a short plain literal shaped like a name, as the syntax tree binds them (a commented-out
 * or indented line binds nothing). Another file that imports one to name an agent
 * (`AIAgent.register(runtime, type=TRIAGE_AGENT_TYPE, …)`) is given its value by the linker
 * (link/imported-names.ts). Only the literals the parser already collected are looked at.
 */
export function moduleStringConstants(model: CodeModel): Record<string, string> | null {
  if (model.language !== 'python') return null;
  let constants: Record<string, string> | null = null;
  let lastLine = 0;
  for (const literal of model.strings) {
    // One constant per line: the first literal of a line is the one assigned.
    if (literal.interpolated || literal.line === lastLine) continue;
    lastLine = literal.line;
    const line = model.lines[literal.line - 1];
    const code = line?.charCodeAt(0) ?? 0;
    if (code < 65 || code > 90) continue;
    const name = CONSTANT_LINE.exec(line!)?.[1];
    if (!name || SECRET_NAME.test(name) || !NAME_VALUE.test(literal.text) || redactSecrets(literal.text) !== literal.text) continue;
    const value = nameLiteral(model, { kind: 'ref', name, symbol: name, scope: model.module });
    if (value === null || value !== literal.text) continue;
    (constants ??= Object.create(null) as Record<string, string>)[name] = value;
  }
  return constants;
}

/**
 * A module-level URL constant, by language: `OPENAI_API_URL = "https://…"`, also an f-string
 * (`f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent"`);
 * `export const OPENAI_BASE = 'https://…'`, also typed or a template literal.
 */
const URL_CONSTANT_LINE: Partial<Record<CodeModel['language'], RegExp>> = {
  python: /^([A-Z][A-Z0-9_]*)\s*(?::\s*[\w.[\], ]+)?=\s*[rRfF]?["']https:\/\//,
  typescript: /^(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*(?::\s*[\w.]+)?\s*=\s*["'`]https:\/\//,
  javascript: /^(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*=\s*["'`]https:\/\//,
};

/**
 * A module's constants holding a model provider's API URL on a host of `hosts`, without their
 * query (where a key may be passed): another module posting to one with a raw HTTP client
 * (`requests.post(OPENAI_API_URL, …)`, ``fetch(`${OPENAI_BASE}/chat/completions`)``) makes a model
 * call (link/imported-provider-urls.ts).
 */
export function moduleProviderUrls(model: CodeModel, hosts: Readonly<Record<string, string>>): Record<string, { provider: string; url: string }> | null {
  const constantLine = URL_CONSTANT_LINE[model.language];
  if (!constantLine) return null;
  let urls: Record<string, { provider: string; url: string }> | null = null;
  for (const literal of model.strings) {
    if (!literal.text.startsWith('https://')) continue;
    const line = model.lines[literal.line - 1];
    const name = line && constantLine.exec(line)?.[1];
    const host = name ? /^https:\/\/([^/:?#{}]+)/i.exec(literal.text)?.[1]?.toLowerCase() : undefined;
    const provider = host ? hosts[host] : undefined;
    const url = literal.text.replace(/[?#].*$/, '');
    if (!name || !provider || redactSecrets(url) !== url) continue;
    (urls ??= Object.create(null) as Record<string, { provider: string; url: string }>)[name] = { provider, url };
  }
  return urls;
}

/**
 * The qualified symbol of a name another module defines (`constants.TRIAGE_AGENT_TYPE` for
 * `from constants import TRIAGE_AGENT_TYPE` or `import constants` then `constants.TRIAGE_AGENT_TYPE`,
 * `.agent_types.SUMMARY_AGENT_TYPE` for a relative import), or null when the value is not such a name.
 */
export function importedConstant(model: CodeModel, value: Value | undefined): string | null {
  if (value?.kind !== 'ref' || model.valueOf(value) !== null) return null;
  const symbol = value.symbol;
  return model.imports.some((fact) => symbol.length > fact.module.length + 1 && symbol.startsWith(`${fact.module}.`) && !symbol.slice(fact.module.length + 1).includes('.')) ? symbol : null;
}
