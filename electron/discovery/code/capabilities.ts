import type { CapabilityFinding, CapabilityKind } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import type { RuleBase } from '../rules/rule';
import type { CallSite, Scope, Value } from './code-model';
import { classifyHost, literalUrlTarget, urlArgument } from './endpoints';
import type { EndpointCollector } from './endpoints';
import { callMatches, callName, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import type { CapabilityRuleJson, Compiled } from './rules';
import type { ToolAnalysis } from './tools';

type CapabilityRule = Compiled<CapabilityRuleJson>;

/** A capability with the scope it was seen in, so helpers called by tools can pass it on. */
export interface ScopedCapability {
  finding: CapabilityFinding;
  scope: Scope;
}

const WRITE_MODE = /[wax+]/;
const MAX_DETAIL = 80;

/**
 * Capabilities seen in the file, each tied to the tool whose body it is in (or to none). Literal
 * hosts reached by HTTP calls are endpoints, not "outbound network": a listed host is exactly
 * what the 48-hour checklist asks for.
 */
export function findCapabilities(context: FindingContext, tools: ToolAnalysis, endpoints: EndpointCollector): ScopedCapability[] {
  const found: ScopedCapability[] = [];
  const emit = (kind: CapabilityKind, detail: string, scope: Scope, line: number, rule: RuleBase, call?: CallSite, tool?: string) => {
    const owner = tool ?? (call && tools.toolOfCall.get(call)) ?? tools.toolOfScope(scope);
    found.push({ finding: { kind, detail: redactSecrets(detail).slice(0, MAX_DETAIL), tool: owner, evidence: context.evidence(line, rule) }, scope });
  };
  // The calls some capability rule names, in the file's order: the rest need no rule tested.
  const named = context.model.calls.filter((call) => !call.decorates && callMatches(context.rules.anyCall.capability, call));
  for (const rule of context.rules.capability) {
    if (rule.match.calls) {
      for (const call of named) if (callMatches(rule.match.calls, call)) matchCall(context, rule, call, endpoints, emit);
    }
    if (rule.match.namedArgs) {
      for (const named of context.model.namedValues) {
        if (!rule.match.namedArgs.test(named.name)) continue;
        const value = literalText(resolved(context.model, named.value));
        if (value !== null && rule.offValues?.some((off) => off.toLowerCase() === value.toLowerCase())) continue;
        emit(rule.kind, `${named.name}=${value ?? '…'}`, named.scope, named.line, rule);
      }
    }
    if (rule.match.objectTypes) {
      for (const object of context.model.objects) {
        const type = literalText(object.entries.find((entry) => entry.key === 'type')?.value);
        if (type !== null && rule.match.objectTypes.test(type)) emit(rule.kind, `tool type ${type}`, object.scope, object.line, rule, undefined, tools.toolOfObject.get(object));
      }
    }
  }
  return dedupe(found);
}

type Emit = (kind: CapabilityKind, detail: string, scope: Scope, line: number, rule: RuleBase, call?: CallSite) => void;

function matchCall(context: FindingContext, rule: CapabilityRule, call: CallSite, endpoints: EndpointCollector, emit: Emit): void {
  const name = callName(rule.match.calls as NonNullable<CapabilityRule['match']['calls']>, call);
  switch (rule.argument) {
    case undefined:
      emit(rule.kind, name, call.scope, call.line, rule, call);
      return;
    case 'url':
      matchUrlCall(context, rule, call, name, endpoints, emit);
      return;
    case 'sql': {
      const statement = sqlStatement(context, call);
      const keywords = new RegExp(`^[\\s(]*(?:${(rule.sqlKeywords ?? []).join('|')})\\b`, 'i');
      if (statement !== null && keywords.test(statement)) emit(rule.kind, statement.replace(/\s+/g, ' ').trim(), call.scope, call.line, rule, call);
      return;
    }
    case 'write-mode': {
      const mode = literalText(resolved(context.model, call.named.get('mode') ?? call.args[1]));
      if (mode !== null && WRITE_MODE.test(mode)) emit(rule.kind, `${name}(…, "${mode}")`, call.scope, call.line, rule, call);
      return;
    }
    case 'dynamic': {
      const code = resolved(context.model, call.args[0]);
      if (code && !(code.kind === 'string' && !code.interpolated)) emit(rule.kind, `${name}(${describe(call.args[0])})`, call.scope, call.line, rule, call);
      return;
    }
  }
}

/**
 * An HTTP call: a literal host becomes an endpoint (and, for a webhook host, external
 * communication); a host computed at run time is outbound network to anywhere.
 */
function matchUrlCall(context: FindingContext, rule: CapabilityRule, call: CallSite, name: string, endpoints: EndpointCollector, emit: Emit): void {
  const written = (rule.urlArgs ?? []).map((argument) => call.named.get(argument)).find((value) => value) ?? call.args[0];
  if (!written) return;
  const url = urlArgument(context, written);
  if (url?.kind === 'string') {
    const target = literalUrlTarget(url.text);
    if (target) {
      const known = classifyHost(context, target);
      endpoints.add(target.host, known?.purpose ?? 'api', context.evidence(call.line, known ?? rule));
      if (known?.capability) emit(known.capability, `${known.purpose} ${target.host}`, call.scope, call.line, known, call);
      return;
    }
    // A relative path on a client that has its base URL: the host was written where the client was made.
    if (!url.text.startsWith('{}') && !/^\w+:\/\//.test(url.text)) return;
  }
  const expression = describe(written);
  emit(rule.kind, `${name}(${expression})`, call.scope, call.line, rule, call);
  const words = `${expression} ${describe(url)}`.split(/[^A-Za-z0-9]+/);
  const hinted = context.rules.endpoint.find((endpoint) => endpoint.capability && words.some((word) => endpoint.match.urlHints?.test(word)));
  if (hinted?.capability) emit(hinted.capability, `${hinted.purpose} ${expression}`, call.scope, call.line, hinted, call);
}

/** The SQL text a call runs: its first argument, or the string inside `text("...")` / `sql\`...\``. */
function sqlStatement(context: FindingContext, call: CallSite): string | null {
  const first = resolved(context.model, call.named.get('sql') ?? call.named.get('query') ?? call.args[0]);
  if (first?.kind === 'string') return first.text;
  if (first?.kind === 'call') {
    const inner = resolved(context.model, first.call.args[0]);
    if (inner?.kind === 'string') return inner.text;
  }
  return null;
}

/** How an argument is written, for a detail line: a name, or the shape of an expression. */
function describe(value: Value | undefined): string {
  switch (value?.kind) {
    case 'ref': return value.name;
    case 'string': return value.interpolated ? 'computed URL' : 'literal';
    case 'call': return value.call.symbol;
    case 'other': return value.text.replace(/\s+/g, ' ').slice(0, 60);
    default: return '…';
  }
}

function dedupe(found: ScopedCapability[]): ScopedCapability[] {
  const seen = new Set<string>();
  return found.filter(({ finding }) => {
    const key = `${finding.kind}|${finding.tool}|${finding.detail}|${finding.evidence.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
