import { describe, expect, it } from 'vitest';
import { analyzeConfigFile } from '.';
import { analyzeLanggraphJson } from './langgraph-json';
import { readBundledConfigRules } from './rules';
import { fixture, lineWith, testContext } from './test-support';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

const python = fixture('langgraph/python/langgraph.json');
const js = fixture('langgraph/js/langgraph.json');

describe('langgraph.json', () => {
  it('makes every declared graph a unit of its own, with its file (or module) and the env file the platform loads', () => {
    const findings = analyzeLanggraphJson('services/support/langgraph.json', python, testContext())!;
    expect(findings.units.map((u) => [u.kind, u.name, u.path, u.codePaths, u.runs])).toEqual([
      ['langgraph-graph', 'support', 'services/support/langgraph.json', ['services/support/src/support_agents/supervisor.py'], []],
      ['langgraph-graph', 'research', 'services/support/langgraph.json', ['services/support/src/support_agents/research.py'], []],
      ['langgraph-graph', 'ingest', 'services/support/langgraph.json', ['services/support/src/support_agents/ingest.py'], []],
      ['langgraph-graph', 'billing', 'services/support/langgraph.json', [], ['support_agents.billing:graph']],
    ]);
    expect(findings.units.every((u) => u.envFiles?.[0] === '.env')).toBe(true);
    expect(findings.units[1]!.evidence.line).toBe(lineWith(python, '"research"'));
    expect(findings.units[0]!.trigger).toMatchObject({ kind: 'user', description: 'Runs when a client of the LangGraph API starts a run of "support"' });
  });

  it('reads the JS shape, with an inline env whose keys are the graph credentials', () => {
    const [unit] = analyzeLanggraphJson('langgraph.json', js, testContext())!.units;
    expect(unit).toMatchObject({ name: 'agent', codePaths: ['src/agent/graph.ts'] });
    expect(unit!.envFiles).toBeUndefined();
    expect(unit!.credentials.map((c) => c.name).sort()).toEqual(['OPENAI_API_KEY', 'TAVILY_API_KEY']);
    // Every graph gets the variables: a key name does not say which graph calls a model.
    expect(unit!.llm).toEqual([]);
  });

  it('warns about a malformed file or entry and never throws', async () => {
    const options = { rules: readBundledConfigRules(), disabledRuleIds: new Set<string>(), fingerprintKey: TEST_FINGERPRINT_KEY };
    const broken = await analyzeConfigFile('langgraph.json', '{"graphs": {"agent": "./graph.py:graph",', options);
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid JSON/);

    const ctx = testContext();
    expect(analyzeLanggraphJson('langgraph.json', '["./graph.py:graph"]', ctx)).toBeNull();
    expect(analyzeLanggraphJson('langgraph.json', '{"graphs": {}}', ctx)).toBeNull();
    const partly = analyzeLanggraphJson('langgraph.json', '{"graphs": {"ok": "./a.py:graph", "bad": 42, "odd": "./b.py:not a name", "empty": ""}, "env": 7}', ctx)!;
    expect(partly.units.map((u) => u.name)).toEqual(['ok']);
    expect(partly.units[0]!.envFiles).toBeUndefined();
    expect(ctx.warnings.map((w) => w.message)).toEqual([
      'not read as langgraph.json: the file is not a JSON object',
      'line 1: langgraph.json declares no graphs (expected "graphs": {"name": "./path/file.py:graph"})',
      'line 1: "env" is neither a file name nor an object of variables; ignored',
      'line 1: graph "bad" is not a "path:variable" reference; skipped',
      'line 1: graph "odd" is not a "path:variable" reference; skipped',
      'line 1: graph "empty" is not a "path:variable" reference; skipped',
    ]);
  });

  it('is routed by its file name only', async () => {
    const options = { rules: readBundledConfigRules(), disabledRuleIds: new Set<string>(), fingerprintKey: TEST_FINGERPRINT_KEY };
    expect((await analyzeConfigFile('deploy/langgraph.json', js, options)).findings?.format).toBe('langgraph-json');
    expect((await analyzeConfigFile('deploy/graphs.json', js, options)).findings).toBeNull();
  });
});
