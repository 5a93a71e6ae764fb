import { describe, expect, it } from 'vitest';
import type { CapabilityKind, DiscoveredAgent, UnitKind } from '../../../shared/discovery';
import type { CorpusExpectation, ExpectedAgent } from './corpus-expectation';
import { agentKey, scoreCorpus } from './score';

const evidence = { path: 'x', line: 1, snippet: '', ruleId: 'test', confidence: 1 };

function expectedAgent(unitKind: UnitKind, path: string, name: string, capabilities: CapabilityKind[], more: Partial<ExpectedAgent> = {}): ExpectedAgent {
  return { unitKind, path, name, classification: 'agent', trigger: 'cron', frameworks: ['langgraph'], providers: ['openai'], capabilities, untrustedInputs: [], links: [], ...more };
}

/** A scanner result as the linker would produce it, reduced to what scoring reads. */
function prediction(unitKind: UnitKind, path: string, name: string, capabilities: CapabilityKind[], more: Partial<DiscoveredAgent> = {}): DiscoveredAgent {
  return {
    identityKey: `corpus:${unitKind}:${path}:${name}`,
    name,
    unit: { kind: unitKind, name, path },
    entryPoints: [],
    codeFiles: [],
    classification: 'agent',
    confidence: 0.9,
    trigger: { kind: 'cron', schedule: '0 * * * *', description: 'Every hour', evidence: null },
    llm: [{ provider: 'openai', sdk: 'langchain_openai.ChatOpenAI', models: ['gpt-4o-mini'], evidence }],
    frameworks: [{ framework: 'langgraph', evidence }],
    tools: [],
    capabilities: capabilities.map((kind) => ({ kind, detail: kind, tool: null, evidence })),
    credentials: [],
    endpoints: [],
    guardrails: [],
    packages: [],
    ...more,
  };
}

const support: CorpusExpectation = {
  description: 'two units from one codebase',
  agents: [
    expectedAgent('k8s-cronjob', 'k8s/cronjob.yaml', 'support-ticket-triage', ['data-read', 'data-write']),
    expectedAgent('k8s-deployment', 'k8s/deployment.yaml', 'support-assistant-api', ['data-read', 'data-write'], { trigger: 'user' }),
  ],
  notAgents: ['agent/main.py'],
};
const summariser: CorpusExpectation = {
  description: 'one-shot LLM call',
  agents: [expectedAgent('code-entry-point', 'src/server.js', 'src/server.js', ['data-read'], { classification: 'llm-call', trigger: 'user', frameworks: [], providers: ['anthropic'] })],
  notAgents: [],
};
const trap: CorpusExpectation = { description: 'LLM only in tests', agents: [], notAgents: ['tests/test_agent.py'] };

describe('scoreCorpus', () => {
  it('scores the outside content an agent reads as (agent, kind) pairs, a candidate with none counting its labels as missed', () => {
    const reads: CorpusExpectation = {
      description: 'an issue agent',
      agents: [expectedAgent('ci-job', '.github/workflows/a.yml', 'A/a', [], { untrustedInputs: ['code-comment', 'ticket'] }), expectedAgent('ci-job', '.github/workflows/b.yml', 'B/b', [], { untrustedInputs: ['email'] })],
      notAgents: [],
    };
    const input = (kind: 'code-comment' | 'web-page') => ({ kind, detail: kind, tool: null, evidence });
    const score = scoreCorpus({ reads }, { reads: [prediction('ci-job', '.github/workflows/a.yml', 'A/a', [], { untrustedInputs: [input('code-comment'), input('code-comment'), input('web-page')] }), prediction('ci-job', '.github/workflows/b.yml', 'B/b', [])] });
    expect(score.untrustedInputs).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(score.perRepo[0]!.untrustedInputErrors).toEqual([
      { agent: 'ci-job .github/workflows/a.yml "A/a"', missing: ['ticket'], extra: ['web-page'] },
      { agent: 'ci-job .github/workflows/b.yml "B/b"', missing: ['email'], extra: [] },
    ]);
  });

  it('scores a perfect scan as 1.0 for agents and capabilities', () => {
    const score = scoreCorpus(
      { support, trap },
      {
        support: [
          prediction('k8s-cronjob', 'k8s/cronjob.yaml', 'support-ticket-triage', ['data-read', 'data-write']),
          prediction('k8s-deployment', 'k8s/deployment.yaml', 'support-assistant-api', ['data-write', 'data-read'], {
            trigger: { kind: 'user', schedule: null, description: 'HTTP API', evidence: null },
          }),
        ],
        trap: [],
      },
    );
    expect(score.agents).toEqual({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(score.capabilities).toEqual({ tp: 4, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(score.perRepo.map((r) => r.repo)).toEqual(['support', 'trap']);
    expect(score.perRepo.every((r) => r.attributeMismatches.length === 0)).toBe(true);
  });

  it('matches agents by unit kind, path and name, and counts misses, extras and traps', () => {
    const score = scoreCorpus(
      { support, trap },
      {
        support: [
          prediction('k8s-cronjob', './k8s/cronjob.yaml', 'support-ticket-triage', ['data-read', 'data-write']),
          // Right file, wrong name: neither a match nor a near miss.
          prediction('k8s-deployment', 'k8s/deployment.yaml', 'support-assistant', ['data-read']),
          // The entry point reported on its own, besides the CronJob that runs it.
          prediction('code-entry-point', 'agent/main.py', 'agent/main.py', ['data-read']),
        ],
        trap: [prediction('code-entry-point', 'tests/test_agent.py', 'tests/test_agent.py', [], { confidence: 0.4 })],
      },
    );
    expect(score.agents).toMatchObject({ tp: 1, fp: 2, fn: 1, precision: 1 / 3, recall: 1 / 2 });
    const [supportScore, trapScore] = score.perRepo;
    expect(supportScore!.missed).toEqual([agentKey({ unitKind: 'k8s-deployment', path: 'k8s/deployment.yaml', name: 'support-assistant-api' })]);
    expect(supportScore!.unexpected).toEqual(['k8s-deployment k8s/deployment.yaml "support-assistant"', 'code-entry-point agent/main.py "agent/main.py"']);
    expect(supportScore!.trapsHit).toEqual(['agent/main.py']);
    // Below the 0.5 threshold a candidate is neither a hit nor a false positive.
    expect(trapScore!.agents).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(trapScore!.trapsHit).toEqual([]);
  });

  it('scores capabilities as (agent, capability) pairs of matched agents only', () => {
    const score = scoreCorpus(
      { support },
      {
        support: [
          prediction('k8s-cronjob', 'k8s/cronjob.yaml', 'support-ticket-triage', ['data-read', 'shell-exec', 'data-read']),
          prediction('code-entry-point', 'agent/api.py', 'agent/api.py', ['payment']),
        ],
      },
    );
    // Matched: data-read right, data-write missed, shell-exec extra. The missed Deployment and the
    // unexpected entry point are counted in the agent score, not again here.
    expect(score.capabilities).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(score.perRepo[0]!.capabilityErrors).toEqual([{ agent: 'k8s-cronjob k8s/cronjob.yaml "support-ticket-triage"', missing: ['data-write'], extra: ['shell-exec'] }]);
  });

  it('requires the classification to match: an LLM call reported as an agent is one fp and one fn', () => {
    const asAgent = scoreCorpus({ summariser }, { summariser: [prediction('code-entry-point', 'src/server.js', 'src/server.js', ['data-read'])] });
    expect(asAgent.agents).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(asAgent.perRepo[0]!.wrongClassification).toEqual([{ agent: 'code-entry-point src/server.js "src/server.js"', expected: 'llm-call', predicted: 'agent' }]);

    const asCall = scoreCorpus({ summariser }, { summariser: [prediction('code-entry-point', 'src/server.js', 'src/server.js', ['data-read'], { classification: 'llm-call' })] });
    expect(asCall.agents).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(asCall.capabilities).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('counts a second prediction of the same unit as a false positive', () => {
    const cronjob = prediction('k8s-cronjob', 'k8s/cronjob.yaml', 'support-ticket-triage', ['data-read', 'data-write']);
    const score = scoreCorpus({ support }, { support: [cronjob, { ...cronjob, identityKey: 'duplicate' }] });
    expect(score.agents).toMatchObject({ tp: 1, fp: 1, fn: 1 });
  });

  it('reports trigger, framework and provider differences without scoring them', () => {
    const score = scoreCorpus(
      { summariser },
      {
        summariser: [
          prediction('code-entry-point', 'src/server.js', 'src/server.js', ['data-read'], {
            classification: 'llm-call',
            trigger: { kind: 'unknown', schedule: null, description: 'No trigger found', evidence: null },
            frameworks: [],
            llm: [{ provider: 'anthropic', sdk: '@anthropic-ai/sdk', models: [], evidence }, { provider: 'openai', sdk: 'openai', models: [], evidence }],
          }),
        ],
      },
    );
    expect(score.agents.precision).toBe(1);
    expect(score.perRepo[0]!.attributeMismatches).toEqual([
      { agent: 'code-entry-point src/server.js "src/server.js"', field: 'trigger', expected: 'user', predicted: 'unknown' },
      { agent: 'code-entry-point src/server.js "src/server.js"', field: 'providers', expected: 'anthropic', predicted: 'anthropic, openai' },
    ]);
  });

  it('gives recall 0 to a repo whose agents were all missed, and refuses predictions for unlabelled repos', () => {
    expect(scoreCorpus({ support }, {}).agents).toMatchObject({ tp: 0, fp: 0, fn: 2, precision: 1, recall: 0 });
    expect(() => scoreCorpus({ support }, { elsewhere: [] })).toThrow('Predictions for repos the corpus does not label: elsewhere');
  });
});
