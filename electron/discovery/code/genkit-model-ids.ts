import type { LlmUse } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import { resolved } from './finding-context';
import type { FindingContext } from './finding-context';

/** A Genkit app's own modules: the `genkit` package and its plugins. */
const GENKIT_IMPORT = /^(?:genkit(?:\/|$)|@genkit-ai\/)/;
const NAMESPACED_ID = /^([\w-]+)\/([\w.:@-]+)$/;

/**
 * Model ids a Genkit file writes under a plugin's namespace (`ai.generate({ model:
 * 'googleai/gemini-2.0-flash' })`, `ai.definePrompt({ model: 'vertexai/gemini-1.5-pro' })`) where
 * the plugin itself is set up in another module (Firebase Studio's src/ai/genkit.ts, its flows in
 * src/ai/flows/): the namespace names the plugin, so the rule that declares it (`modelIdPrefixes`)
 * gives the provider. One use per rule; a file that sets the plugin up reads the ids with it.
 */
export function genkitModelIdUses(context: FindingContext, rulesUsed: ReadonlySet<string>): LlmUse[] {
  const { model, rules } = context;
  if (!model.imports.some((fact) => GENKIT_IMPORT.test(fact.module))) return [];
  const byRule = new Map<string, LlmUse>();
  for (const call of model.calls) {
    const value = resolved(model, call.named.get('model'));
    const id = value?.kind === 'string' && !value.interpolated ? NAMESPACED_ID.exec(value.text) : null;
    if (!id) continue;
    const rule = rules.llm.find((candidate) => candidate.provider && candidate.modelIdPrefixes?.includes(id[1]!));
    if (!rule || rulesUsed.has(rule.id)) continue;
    const existing = byRule.get(rule.id);
    if (existing) existing.models = [...new Set([...existing.models, id[2]!])];
    else byRule.set(rule.id, { provider: rule.provider!, sdk: redactSecrets(`genkit model id (${id[1]}/…)`), models: [id[2]!], evidence: context.evidence(call.line, rule) });
  }
  return [...byRule.values()];
}
