import type { Evidence } from '../../../shared/discovery';
import type { CallSite, CodeModel, Value } from './code-model';
import { callMatches, callName, lastSegment, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

/**
 * Model calls a function makes on its own behalf (`streamObject(...)` in an artifact handler,
 * `client.chat.completions.create(...)` in a summariser): where a larger agent's run reaches a
 * second model. The linker reports those outside the unit's entry file as chained components of
 * the agent (link/chained-components.ts). Client constructors (`new OpenAI()`, `ChatOpenAI(...)`)
 * and module-level provider set-up (`openai('gpt-4o')` in a providers table) are not calls.
 */
export interface GenerationSite {
  /** The function that makes the call: "codeDocumentHandler.onCreateDocument", "summarise". */
  owner: string;
  /** The call as the rule names it: "ai.streamObject", "openai.OpenAI().chat.completions.create". */
  sdk: string;
  /** The rule's provider; null when the model comes from elsewhere (a provider registry). */
  provider: string | null;
  models: string[];
  evidence: Evidence;
}

export function findGenerationSites(context: FindingContext): GenerationSite[] {
  const { model, rules } = context;
  const sites: GenerationSite[] = [];
  const seen = new Set<CallSite>();
  const add = (call: CallSite, sdk: string, provider: string | null, evidence: Evidence) => {
    if (seen.has(call) || call.scope === model.module || !isCall(call)) return;
    seen.add(call);
    sites.push({ owner: ownerOf(model, call), sdk, provider, models: modelsOf(model, call), evidence });
  };
  for (const call of model.calls) {
    // A call no LLM rule names matches none of them: one test instead of one per rule.
    if (!callMatches(rules.anyCall.llm, call)) continue;
    const rule = rules.llm.find((candidate) => !candidate.providerHosts && callMatches(candidate.match.calls, call));
    if (!rule?.match.calls) continue;
    // The rule names a client, a model factory (`openai('gpt-4o')`) or a one-shot call; methods on the client are calls.
    if (ONE_SHOT.test(lastSegment(call.callee))) add(call, callName(rule.match.calls, call), rule.provider ?? null, context.evidence(call.line, rule));
    for (const method of model.calls) if (method.callee.startsWith(`${call.symbol}.`)) add(method, method.callee, rule.provider ?? null, context.evidence(method.line, rule));
  }
  // One-shot generation helpers of a framework that is not an agent (Vercel AI SDK's streamObject).
  const frameworkCalls = model.calls.filter((call) => callMatches(rules.anyCall.framework, call));
  for (const rule of rules.framework) {
    if (rule.agentic || !rule.match.calls) continue;
    for (const call of frameworkCalls) if (callMatches(rule.match.calls, call)) add(call, callName(rule.match.calls, call), null, context.evidence(call.line, rule));
  }
  return sites.sort((a, b) => a.evidence.line - b.evidence.line);
}

/** One-shot completion functions a rule may name directly (litellm.completion, ollama.chat). */
const ONE_SHOT = /^(?:a?completion|a?chat|generate\w*|stream\w*|a?invoke|embed\w*)$/;

/** Constructors name classes (`OpenAI`, `ChatOpenAI`): what is called starts in lower case. */
function isCall(call: CallSite): boolean {
  return /^[a-z_$]/.test(lastSegment(call.callee));
}

/**
 * The outermost named function around the call, prefixed with the variable a module-level call
 * around it is stored in (`codeDocumentHandler = createDocumentHandler({ onCreateDocument })`).
 */
function ownerOf(model: CodeModel, call: CallSite): string {
  let outer = call.scope;
  while (outer.parent && outer.parent !== model.module) outer = outer.parent;
  const wrapper = model.calls
    .filter((candidate) => candidate.scope === model.module && candidate.boundTo && candidate.start < call.start && candidate.end >= call.end)
    .sort((a, b) => a.start - b.start)[0];
  const inner = outer.name || null;
  if (wrapper?.boundTo && inner && wrapper.boundTo !== inner) return `${wrapper.boundTo}.${inner}`;
  // A method of an exported object literal (`export const replyHandler = { async run() {...} }`).
  const inObject = model.objects.some((object) => object.scope === model.module && object.entries.some((entry) => entry.value.kind === 'definition' && entry.value.scope === outer));
  const holder = inObject ? model.exports.filter((exported) => exported.line < outer.line).sort((a, b) => b.line - a.line)[0] : undefined;
  if (holder && inner) return `${holder.name}.${inner}`;
  return inner ?? wrapper?.boundTo ?? model.path.split('/').pop()!.replace(/\.[^.]+$/, '');
}

/** `model: 'gpt-4o'`, or the alias a provider table is asked for (`myProvider.languageModel('artifact-model')`). */
function modelsOf(model: CodeModel, call: CallSite): string[] {
  const value: Value | undefined = resolved(model, call.named.get('model'));
  const literal = literalText(value);
  if (literal && value?.kind === 'string') return [literal];
  if (value?.kind === 'call') {
    const first = literalText(value.call.args[0]);
    if (first && value.call.args[0]?.kind === 'string') return [first];
  }
  return [];
}
