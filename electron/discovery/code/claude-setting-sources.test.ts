import { describe, expect, it } from 'vitest';
import { bundledCodeRules } from './bundled-code-rules';
import { analyzed } from './test-helpers';

describe('Claude Agent SDK runs that load the project configuration', () => {
  it('are read from settingSources in TypeScript and setting_sources in Python, with the option as evidence', async () => {
    const ts = await analyzed('ops/digest.ts', 'import { query } from "@anthropic-ai/claude-agent-sdk";\nconst SOURCES = ["user", "project"] as const;\nfor await (const m of query({ prompt: "x", options: { settingSources: [...SOURCES], maxTurns: 3 } })) console.log(m);\nfor await (const m of query({ prompt: "y", options: { settingSources: ["project"] } })) console.log(m);\n');
    expect(ts.loadsProjectSettings).toMatchObject({ line: 4, ruleId: 'ts.framework.claude-agent-sdk' });
    const py = await analyzed('review.py', 'from claude_agent_sdk import ClaudeAgentOptions, ClaudeSDKClient\nSOURCES = ["project", "local"]\noptions = ClaudeAgentOptions(setting_sources=SOURCES)\nclient = ClaudeSDKClient(options=options)\n');
    expect(py.loadsProjectSettings).toMatchObject({ line: 3, ruleId: 'py.framework.claude-agent-sdk' });
  });

  it('are not read from user settings only, from a file without the SDK, or with the SDK rule turned off', async () => {
    const user = await analyzed('ask.ts', 'import { query } from "@anthropic-ai/claude-agent-sdk";\nfor await (const m of query({ prompt: "x", options: { settingSources: ["user"] } })) console.log(m);\n');
    expect(user.loadsProjectSettings).toBeUndefined();
    const other = await analyzed('other.ts', 'import OpenAI from "openai";\nconst config = { settingSources: ["project"] };\nnew OpenAI().responses.create({ model: "gpt-4.1", input: JSON.stringify(config) });\n');
    expect(other.loadsProjectSettings).toBeUndefined();
    const off = await analyzed('review.py', 'from claude_agent_sdk import ClaudeAgentOptions, query\noptions = ClaudeAgentOptions(setting_sources=["project"])\n', bundledCodeRules(new Set(['py.framework.claude-agent-sdk'])));
    expect(off.loadsProjectSettings).toBeUndefined();
  });
});
