import type { UntrustedInputFinding } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import type { CallSite, Scope, Value } from './code-model';
import { urlArgument } from './endpoints';
import { callMatches, callName, isWithin, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import { helpersOfTools, inheritFromHelpers } from './helper-calls';
import type { Scoped } from './helper-calls';
import type { Compiled, UntrustedInputRuleJson } from './rules';
import type { ToolAnalysis } from './tools';

type UntrustedInputRule = Compiled<UntrustedInputRuleJson>;

const MAX_DETAIL = 100;
/**
 * A hand-written tool loop hands each tool call to one function (`runTool(name, args)`,
 * `execute_tool`, `handle_tool_call`): what it fetches, the model chose, as in a declared tool.
 */
const TOOL_DISPATCHER = /^_*(?:run|call|exec(?:ute)?|dispatch|handle|invoke)_?tools?(?:_?calls?)?$/i;
/** `String(args.url)`, `str(url)`: a conversion that leaves the value what it was. */
const CONVERSIONS = new Set(['String', 'str']);
/** Arguments that make an HTTP call a write: what it sends is the point, not what it reads back. */
const BODY_ARGS = ['body', 'json', 'data', 'files', 'content'];

/**
 * Outside content the file reads (DESIGN.md "untrusted input"), each tied to the tool whose body
 * reads it, or to none when the code reads it before the model runs (a batch that fetches
 * tickets, a handler on a chat message). A tool that calls a same-file helper gets the helper's
 * reads too, marked "via helper()", as with capabilities.
 */
export function findUntrustedInputs(context: FindingContext, tools: ToolAnalysis): UntrustedInputFinding[] {
  const { model } = context;
  const helpers = new Set([...helpersOfTools(model, tools).values()].flatMap((scopes) => [...scopes]));
  const reachedByTool = (scope: Scope) => tools.toolOfScope(scope) !== null || [...helpers].some((helper) => isWithin(scope, helper)) || inDispatcher(scope);
  const found: Array<Scoped<UntrustedInputFinding>> = [];
  // The calls (not decorators) some rule names: the rest need no rule's globs tested.
  const named = new Set(model.calls.filter((call) => !call.decorates && callMatches(context.rules.anyCall.untrustedInput, call)));
  for (const rule of context.rules.untrustedInput) {
    const emit = (detail: string, scope: Scope, line: number, call?: CallSite) => {
      if (rule.inToolOnly && !reachedByTool(scope)) return;
      const tool = (call && tools.toolOfCall.get(call)) ?? tools.toolOfScope(scope);
      found.push({ finding: { kind: rule.kind, detail: redactSecrets(detail).slice(0, MAX_DETAIL), tool, evidence: context.evidence(line, rule) }, scope });
    };
    for (const fact of model.imports) {
      if (!rule.match.imports) break;
      for (const name of fact.names) if (rule.match.imports.test(`${fact.module}.${name}`)) emit(`import ${fact.module}.${name}`, model.module, fact.line);
    }
    // A payload's text is read before any model runs: it belongs to no tool.
    const accesses = rule.match.accesses;
    for (const access of accesses ? model.keyedAccesses : []) {
      const read = `${access.container}.${access.key}`;
      if (accesses?.test(read)) emit(read, model.module, access.line);
    }
    for (const call of model.calls) {
      if (call.decorates) {
        if (rule.match.decorators && callMatches(rule.match.decorators, call) && decoratedNameMatches(rule, call.decorates)) {
          emit(`@${callName(rule.match.decorators, call)} ${call.decorates.name}`.trimEnd(), call.decorates, call.line);
        }
        continue;
      }
      if (!rule.match.calls || !named.has(call) || !callMatches(rule.match.calls, call)) continue;
      const name = callName(rule.match.calls, call);
      const url = rule.argument ? urlOf(context, rule, call) : null;
      if (rule.argument === 'runtime-url' && url?.runtime && isRead(context, call)) emit(`${name}(${url.text})`, call.scope, call.line, call);
      else if (rule.argument === 'url-pattern' && url && isRead(context, call) && rule.urlPatterns?.some((pattern) => new RegExp(pattern, 'i').test(url.text))) emit(`${name} ${url.text}`, call.scope, call.line, call);
      else if (!rule.argument) emit(name, call.scope, call.line, call);
    }
  }
  const scoped = dedupe(found);
  return dedupe([...scoped, ...inheritFromHelpers(model, tools, scoped).map((finding) => ({ finding, scope: model.module }))])
    .map(({ finding }) => finding)
    .sort((a, b) => a.evidence.line - b.evidence.line);
}

function inDispatcher(scope: Scope): boolean {
  for (let current: Scope | null = scope; current; current = current.parent) if (current.kind === 'function' && TOOL_DISPATCHER.test(current.name)) return true;
  return false;
}

function decoratedNameMatches(rule: UntrustedInputRule, decorated: Scope): boolean {
  return !rule.match.decoratedNames || rule.match.decoratedNames.test(decorated.name);
}

/**
 * The URL a call reads, as text, and whether all of it comes from elsewhere at run time: a name
 * that is no literal (a tool's `url` parameter) or a template that is nothing but interpolation.
 * `f"{API_BASE}/accounts/{id}"` writes its path, so it is the company's own API, not a web page.
 */
function urlOf(context: FindingContext, rule: UntrustedInputRule, call: CallSite): { text: string; runtime: boolean } | null {
  const written = (rule.urlArgs ?? []).map((argument) => call.named.get(argument)).find((value) => value) ?? call.args[0];
  if (!written) return null;
  let url = urlArgument(context, written);
  if (url?.kind === 'call' && CONVERSIONS.has(url.call.callee) && url.call.args.length === 1) url = urlArgument(context, url.call.args[0]);
  if (url?.kind === 'string') return { text: url.text, runtime: url.interpolated && /^(?:\{\})+$/.test(url.text) };
  if (url?.kind === 'ref') return { text: url.name, runtime: true };
  // A URL some call builds (`build_url(id)`) or an expression is not known to be anyone's choice.
  return url ? { text: describe(url), runtime: false } : null;
}

/** A GET: no method other than GET named, and no request body. */
function isRead(context: FindingContext, call: CallSite): boolean {
  const method = literalText(resolved(context.model, call.named.get('method')));
  if (call.named.has('method') && !/^get$/i.test(method ?? '')) return false;
  return !BODY_ARGS.some((argument) => call.named.has(argument));
}

function describe(value: Value): string {
  switch (value.kind) {
    case 'call': return `${value.call.callee}()`;
    case 'other': return value.text.replace(/\s+/g, ' ').slice(0, 60);
    default: return '…';
  }
}

function dedupe(found: Array<Scoped<UntrustedInputFinding>>): Array<Scoped<UntrustedInputFinding>> {
  const seen = new Set<string>();
  return found.filter(({ finding }) => {
    const key = `${finding.kind}|${finding.tool}|${finding.detail}|${finding.evidence.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
