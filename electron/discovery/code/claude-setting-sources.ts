import type { Evidence } from '../../../shared/discovery';
import { callMatches, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

const SETTING_SOURCES = new Set(['settingSources', 'setting_sources']);
/** The sources that live in the project: `.claude/settings.json`, `.mcp.json`, `.claude/agents` (and `settings.local.json`). */
const PROJECT_SOURCES = new Set(['project', 'local']);

/**
 * A Claude Agent SDK run that loads the project's Claude Code configuration:
 * `query({prompt, options: {settingSources: ['project']}})`, `ClaudeAgentOptions(setting_sources=
 * ["user", "project"])`. With only `'user'` (or none: the SDK loads no settings by default) the
 * run reads nothing of the repository. Evidence names the Claude Agent SDK framework rule:
 * turning it off turns this off too.
 */
export function findProjectSettingSources(context: FindingContext): Evidence | null {
  const rule = context.rules.framework.find((candidate) => candidate.framework === 'claude-agent-sdk');
  const { model } = context;
  if (!rule || !model.calls.some((call) => callMatches(call.decorates ? rule.match.decorators : rule.match.calls, call))) return null;
  for (const value of model.namedValues) {
    if (!SETTING_SOURCES.has(value.name)) continue;
    const list = resolved(model, value.value);
    const sources = list?.kind === 'list' ? list.items.map((item) => literalText(resolved(model, item))) : [];
    if (sources.some((source) => source !== null && PROJECT_SOURCES.has(source))) return context.evidence(value.line, rule);
  }
  return null;
}
