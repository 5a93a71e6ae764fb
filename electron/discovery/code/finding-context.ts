import type { Evidence } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { FingerprintKey } from '../secret-fingerprint';
import type { RuleBase } from '../rules/rule';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import type { GlobMatcher } from './glob';
import type { CodeRuleSet } from './rules';

/** What every finder reads: the file's model, the enabled rules, and how evidence is made. */
export interface FindingContext {
  model: CodeModel;
  rules: CodeRuleSet;
  /** The workspace's key for secret fingerprints. */
  fingerprintKey: FingerprintKey;
  /** Evidence for a source line; `factor` lowers the rule's confidence for weaker matches. */
  evidence(line: number, rule: RuleBase, factor?: number): Evidence;
}

export function createFindingContext(model: CodeModel, rules: CodeRuleSet, fingerprintKey: FingerprintKey): FindingContext {
  return {
    model,
    rules,
    fingerprintKey,
    evidence: (line, rule, factor = 1) => makeEvidence(model.path, line, model.lines[line - 1] ?? '', rule.id, rule.confidence * factor),
  };
}

/**
 * Whether a rule's call globs name this call. Globs with an argument ("boto3.client(s3)") are
 * matched against the call's symbol, plain ones against the callee.
 */
export function callMatches(matcher: GlobMatcher | undefined, call: CallSite): boolean {
  return matcher !== undefined && (matcher.test(call.callee) || matcher.test(call.symbol));
}

/** The text a rule names a call by: the symbol when that is what matched. */
export function callName(matcher: GlobMatcher, call: CallSite): string {
  return matcher.test(call.callee) ? call.callee : call.symbol;
}

/** Follows names to the values bound to them (`tools=TOOLS`, `url=WEBHOOK_URL`), a few steps at most. */
export function resolved(model: CodeModel, value: Value | undefined, steps = 3): Value | undefined {
  let current = value;
  for (let step = 0; step < steps && current?.kind === 'ref'; step++) {
    const next = model.valueOf(current);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * A value with a string built on a constant of the same file (`${OPENAI_BASE}/chat/completions`,
 * `f"{BASE}/chat/completions"`, `BASE + "/chat"`) written out: the constant's text in place of the
 * hole that opens it, `{}` left for the others.
 */
export function withLeadWritten(model: CodeModel, value: Value | undefined): Value | undefined {
  const target = resolved(model, value);
  if (target?.kind !== 'string' || !target.lead || !target.text.startsWith('{}')) return target;
  const base = textOrEnvDefault(resolved(model, target.lead));
  if (base === null) return target;
  const text = base + target.text.slice(2);
  return { kind: 'string', text, interpolated: text.includes('{}') };
}

/** `process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1'` (also `??`), as the expression is written. */
const ENV_OR_LITERAL = /^process\.env\.\w+\s*(?:\|\||\?\?)\s*(['"`])([^'"`$]+)\1$/;

/**
 * A literal's text, or the default of a setting read from the environment (`os.getenv("BASE_URL",
 * "https://…")`, `process.env.BASE_URL ?? 'https://…'`): what the code uses unless someone sets it.
 */
function textOrEnvDefault(value: Value | undefined): string | null {
  if (value?.kind === 'call' && /^os\.(getenv|environ\.get)$/.test(value.call.callee)) return literalText(value.call.args[1] ?? value.call.named.get('default'));
  if (value?.kind === 'other') return ENV_OR_LITERAL.exec(value.text.trim())?.[2] ?? null;
  return literalText(value);
}

/** A URL as far as the file writes it (a literal, or a string built on a constant of the file: its other holes `{}`), else null. */
export function urlText(model: CodeModel, value: Value | undefined): string | null {
  const target = resolved(model, value);
  const written = withLeadWritten(model, value);
  return written !== target && written?.kind === 'string' ? written.text : literalText(target);
}

/** A literal's text (strings without interpolation, numbers, booleans), else null. */
export function literalText(value: Value | undefined): string | null {
  if (value?.kind === 'string') return value.interpolated ? null : value.text;
  if (value?.kind === 'other') return value.text;
  return null;
}

/** "langchain_community.tools.ShellTool" → "ShellTool"; "openai.OpenAI()" → "OpenAI". */
export function lastSegment(symbol: string): string {
  const bare = symbol.replace(/\([^()]*\)$/, '');
  return bare.slice(Math.max(bare.lastIndexOf('.'), bare.lastIndexOf('/')) + 1);
}

export function isWithin(scope: Scope, ancestor: Scope): boolean {
  for (let current: Scope | null = scope; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The items of a list argument, following `tools=TOOLS` to the list it names. */
export function listItemsOf(model: CodeModel, value: Value | undefined): Value[] {
  const list = resolved(model, value);
  return list?.kind === 'list' ? list.items : [];
}

/** A short literal that can name something (an agent, a type): no interpolation, not blank, at most 80 characters. */
export function nameLiteral(model: CodeModel, value: Value | undefined): string | null {
  const text = resolved(model, value);
  return text?.kind === 'string' && !text.interpolated && text.text.trim() !== '' && text.text.length <= 80 ? text.text : null;
}

/** The module-level function a call is made in (a factory another file imports and calls: `def make_researcher(): return create_react_agent(...)`), or null. */
export function factoryOf(call: CallSite): string | null {
  let scope = call.scope;
  while (scope.parent && scope.parent.kind !== 'module') scope = scope.parent;
  return scope.kind === 'function' && scope.parent?.kind === 'module' && scope.name ? scope.name : null;
}
