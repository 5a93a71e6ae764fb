import type { EndpointReference, Evidence } from '../../../shared/discovery';
import type { RuleBase } from '../rules/rule';
import type { CallSite, Value } from './code-model';
import { callMatches, literalText, withLeadWritten } from './finding-context';
import type { FindingContext } from './finding-context';
import type { Compiled, EndpointRuleJson } from './rules';

type EndpointRule = Compiled<EndpointRuleJson>;

export interface UrlTarget {
  /** Lower-case host, with the port when one is written; never the credentials. */
  host: string;
  path: string;
}

const URL_WITH_HOST = /^(?:https?|wss?):\/\/([^/?#\s]+)(\/[^?#\s]*)?/i;

/** The target of a URL written in the code, when its host is literal (the path may be computed). */
export function literalUrlTarget(text: string): UrlTarget | null {
  const match = URL_WITH_HOST.exec(text);
  const authority = match?.[1];
  if (!authority || authority.includes('{}')) return null;
  return { host: authority.slice(authority.lastIndexOf('@') + 1).toLowerCase(), path: match[2] ?? '' };
}

/** The rule that gives a host its purpose wherever it appears (an inference API, a webhook receiver). */
export function classifyHost(context: FindingContext, target: UrlTarget): EndpointRule | undefined {
  return context.rules.endpoint.find((rule) => rule.match.hosts?.test(target.host) || rule.match.hosts?.test(`${target.host}${target.path}`));
}

/** `new URL("https://...")` is as literal as the string inside it. */
export function urlArgument(context: FindingContext, value: Value | undefined): Value | undefined {
  const target = withLeadWritten(context.model, value);
  if (target?.kind === 'call' && /(^|\.)URL$/.test(target.call.callee)) return withLeadWritten(context.model, target.call.args[0]);
  return target;
}

/** One entry per host and purpose, with the first evidence seen. */
export class EndpointCollector {
  private readonly byKey = new Map<string, EndpointReference>();

  add(host: string, purpose: EndpointReference['purpose'], evidence: Evidence): void {
    const key = `${host}|${purpose}`;
    if (!this.byKey.has(key)) this.byKey.set(key, { host, purpose, evidence });
  }

  list(): EndpointReference[] {
    return [...this.byKey.values()];
  }
}

/**
 * Endpoints named by configuration arguments (base_url, baseURL, azure_endpoint), by MCP client
 * transports, and literal URLs of hosts with a known purpose. Hosts called through HTTP clients
 * are added by the capability finder, which sees those calls.
 */
export function findEndpoints(context: FindingContext, clientCalls: ReadonlySet<CallSite>, endpoints: EndpointCollector): void {
  const { model } = context;
  const clientArguments = new Set([...clientCalls].flatMap((call) => [...call.named.values()]));
  for (const rule of context.rules.endpoint) {
    if (rule.match.namedArgs) {
      for (const named of model.namedValues) {
        if (!rule.match.namedArgs.test(named.name)) continue;
        const text = literalText(urlArgument(context, named.value));
        const target = text === null ? null : literalUrlTarget(text);
        if (!target) continue;
        // base_url given to an LLM client is an inference endpoint; given to an HTTP client, an API.
        const purpose = clientArguments.has(named.value) ? rule.purpose : 'api';
        addClassified(context, endpoints, target, purpose, rule, named.line);
      }
    }
    if (rule.match.calls) {
      for (const call of model.calls) {
        if (!callMatches(rule.match.calls, call)) continue;
        const text = literalText(urlArgument(context, call.named.get('url') ?? call.args[0]));
        const target = text === null ? null : literalUrlTarget(text);
        if (target) addClassified(context, endpoints, target, rule.purpose, rule, call.line);
      }
    }
    if (rule.match.hosts) {
      for (const literal of model.strings) {
        const target = literalUrlTarget(literal.text);
        if (target && classifyHost(context, target) === rule) endpoints.add(target.host, rule.purpose, context.evidence(literal.line, rule));
      }
    }
  }
}

/** A host with a known purpose keeps it (and its rule); any other takes the caller's. */
export function addClassified(context: FindingContext, endpoints: EndpointCollector, target: UrlTarget, purpose: EndpointReference['purpose'], rule: RuleBase, line: number): void {
  const known = classifyHost(context, target);
  endpoints.add(target.host, known?.purpose ?? purpose, context.evidence(line, known ?? rule));
}
