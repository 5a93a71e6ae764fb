import type { GuardrailFinding } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import type { CallSite } from './code-model';
import { callMatches, callName, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import { importMatches } from './frameworks';
import type { Compiled, GuardrailRuleJson } from './rules';

type GuardrailRule = Compiled<GuardrailRuleJson>;

/**
 * Evidence that a guardrail exists: schema validation, human approval, tracing, token and step
 * limits, a scan of content for injected instructions. One finding per rule and detail (the first place it is seen), which is what a
 * reviewer needs to confirm it and what the checklist evaluates.
 */
export function findGuardrails(context: FindingContext): GuardrailFinding[] {
  const found = new Map<string, GuardrailFinding>();
  for (const rule of context.rules.guardrail) {
    const add = (detail: string, line: number) => {
      const key = `${rule.id}|${detail}`;
      if (!found.has(key)) found.set(key, { kind: rule.kind, detail: redactSecrets(detail), evidence: context.evidence(line, rule) });
    };
    const { model } = context;
    for (const fact of model.imports) if (importMatches(rule.match.modules, fact)) add(`import ${fact.module}`, fact.line);
    for (const call of model.calls) {
      const matcher = call.decorates ? rule.match.decorators : rule.match.calls;
      if (matcher && callMatches(matcher, call) && promptMatches(context, rule, call)) add(`${call.decorates ? '@' : ''}${callName(matcher, call)}`, call.line);
    }
    if (rule.match.namedArgs) {
      for (const named of model.namedValues) {
        if (!rule.match.namedArgs.test(named.name)) continue;
        const value = literalText(resolved(model, named.value));
        if (rule.values && !rule.values.some((wanted) => wanted.toLowerCase() === value?.toLowerCase())) continue;
        add(value !== null && value.length <= 40 ? `${named.name}=${value}` : named.name, named.line);
      }
    }
    if (rule.strings) {
      const patterns = rule.strings.map((source) => new RegExp(source, 'i'));
      for (const literal of model.strings) {
        const match = patterns.map((pattern) => pattern.exec(literal.text)?.[0]).find((text) => text !== undefined);
        if (match) add(`"${match}"`, literal.line);
      }
    }
    if (rule.match.envNames) {
      for (const literal of model.strings) if (rule.match.envNames.test(literal.text)) add(literal.text, literal.line);
      for (const access of model.keyedAccesses) if (rule.match.envNames.test(access.key)) add(access.key, access.line);
    }
  }
  return [...found.values()];
}

/** `input("Approve the refund? [y/N]")` is an approval step; `input("Your name: ")` is not. */
function promptMatches(context: FindingContext, rule: GuardrailRule, call: CallSite): boolean {
  if (!rule.promptPattern) return true;
  const prompt = resolved(context.model, call.args[0]);
  return prompt?.kind === 'string' && new RegExp(rule.promptPattern, 'i').test(prompt.text);
}
