import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';
import { analyzeBedrockAgentcore } from './bedrock-agentcore';
import { analyzeConfigFile } from './index';
import { fixture, lineWith, testContext } from './test-support';

const TOOLKIT = fixture('bedrock-agentcore/.bedrock_agentcore.yaml');
const PROJECT = fixture('agentcore/agentcore.json');

const analyze = (path: string, text: string) => analyzeBedrockAgentcore(path, text, testContext());

describe('Bedrock AgentCore configs', () => {
  it('make each agent of .bedrock_agentcore.yaml an AgentCore Runtime unit, its entry found below its source folder though the toolkit wrote the author’s absolute paths', () => {
    const [refunds, ledger] = analyze('.bedrock_agentcore.yaml', TOOLKIT)!.units;
    expect(refunds).toMatchObject({ kind: 'serverless-function', name: 'refund_desk', path: '.bedrock_agentcore.yaml' });
    expect(refunds!.evidence.line).toBe(lineWith(TOOLKIT, '  refund_desk:'));
    // The config sat in the source folder, or in one of the folders above it.
    expect(refunds!.codePaths).toEqual(['agent.py', 'refunds/agent.py', 'northwind-agents/refunds/agent.py', 'work/northwind-agents/refunds/agent.py']);
    expect(ledger!.codePaths).toEqual(['mcp_server.py', 'ledger/mcp_server.py', 'northwind-agents/ledger/mcp_server.py', 'dana/northwind-agents/ledger/mcp_server.py']);
    // A relative entry is written from the config's folder.
    const relative = analyze('services/.bedrock_agentcore.yaml', 'agents:\n  a:\n    name: a\n    entrypoint: src/agent.py\n')!.units[0]!;
    expect(relative.codePaths).toEqual(['services/src/agent.py']);
  });

  it('read the protocol as the trigger, the execution role (or the one the toolkit creates) as the credential, and a container build as the Dockerfile’s owner', () => {
    const [refunds, ledger] = analyze('.bedrock_agentcore.yaml', TOOLKIT)!.units;
    expect(refunds!.trigger).toMatchObject({ kind: 'webhook', schedule: 'InvokeAgentRuntime (HTTP)', description: 'On invocations of the AgentCore Runtime (HTTP)' });
    expect(ledger!.trigger).toMatchObject({ kind: 'webhook', schedule: 'InvokeAgentRuntime (MCP)', description: 'On invocations of the AgentCore Runtime (MCP server)' });
    expect(ledger!.trigger.evidence!.line).toBe(lineWith(TOOLKIT, 'server_protocol: MCP'));
    expect(refunds!.credentials.map((c) => [c.kind, c.name, c.provider])).toEqual([['iam-role', 'arn:aws:iam::210987654321:role/AmazonBedrockAgentCoreSDKRuntime-us-east-1-4d2c9e', 'aws']]);
    expect(ledger!.credentials.map((c) => [c.kind, c.name])).toEqual([['iam-role', 'AgentCore execution role (created by the toolkit at launch)']]);
    expect(refunds!.build).toEqual({ context: '.', dockerfile: '.bedrock_agentcore/refund_desk/Dockerfile' });
    expect(ledger!.build).toBeUndefined();
  });

  it('make each runtime of agentcore/agentcore.json a unit whose code is written from the project folder, with its environment', () => {
    const [desk, bot] = analyze('agentcore/agentcore.json', PROJECT)!.units;
    expect(desk).toMatchObject({ kind: 'serverless-function', name: 'ChargebackDesk', codePaths: ['app/ChargebackDesk/main.py'] });
    expect(desk!.evidence.line).toBe(lineWith(PROJECT, '"runtimes"') + 2);
    expect(desk!.build).toBeUndefined();
    expect(desk!.credentials.map((c) => [c.kind, c.name.replace(/ #.*/, '')])).toEqual(expect.arrayContaining([['env-var', 'OPENAI_API_KEY']]));
    expect(JSON.stringify(desk)).not.toContain('hunter22');
    expect(bot).toMatchObject({ name: 'EvidenceBot', codePaths: ['server/runtime-server.ts'], build: { context: '.', dockerfile: null } });
    expect(bot!.trigger.description).toBe('On invocations of the AgentCore Runtime (A2A server)');
    // A project below the repository's top writes its paths from its own folder.
    expect(analyze('deploy/agentcore/agentcore.json', PROJECT)!.units[0]!.codePaths).toEqual(['deploy/app/ChargebackDesk/main.py']);
  });

  it('are routed by their names; files of other shapes give nothing and malformed ones a warning', async () => {
    expect((await analyzeConfigFile('.bedrock_agentcore.yaml', TOOLKIT, testContext()))!.findings!.format).toBe('bedrock-agentcore');
    expect((await analyzeConfigFile('agentcore/agentcore.json', PROJECT, testContext()))!.findings!.format).toBe('bedrock-agentcore');
    expect(analyze('.bedrock_agentcore.yaml', 'default_agent: null\nagents: {}\n')).toBeNull();
    expect(analyze('agentcore/agentcore.json', '{"name": "x", "runtimes": [{"name": "a"}]}')).toBeNull();
    expect(analyze('agentcore/agentcore.json', '[]')).toBeNull();
    const broken = await analyzeConfigFile('agentcore/agentcore.json', PROJECT.slice(0, 300), testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid JSON.*read as a Bedrock AgentCore config/);
  });
});

describe('an AgentCore Runtime in a scan', () => {
  const tree = scanTreeFixture('atw-agentcore-');
  const AGENT = `from bedrock_agentcore.runtime import BedrockAgentCoreApp
from strands import Agent, tool
from strands.models import BedrockModel

app = BedrockAgentCoreApp()


@tool
def refund(charge_id: str) -> str:
    """Refund a charge."""
    import stripe
    stripe.Refund.create(charge=charge_id)
    return "refunded"


@app.entrypoint
def invoke(payload):
    agent = Agent(model=BedrockModel(model_id="us.anthropic.claude-sonnet-4-20250514-v1:0"), tools=[refund])
    return agent(payload.get("prompt", ""))


if __name__ == "__main__":
    app.run()
`;

  it('is the one item of the agent its entry runs: the image the toolkit builds is not a second deployment', async () => {
    tree.writeAll({
      '.bedrock_agentcore.yaml': TOOLKIT,
      'refunds/agent.py': AGENT,
      'refunds/requirements.txt': 'bedrock-agentcore\nstrands-agents\nstripe\n',
      Dockerfile: 'FROM public.ecr.aws/docker/library/python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["opentelemetry-instrument", "python", "-m", "refunds.agent"]\n',
    });
    const agents = (await tree.scan()).agents;
    expect(agents.filter((a) => a.classification === 'agent').map((a) => [a.unit.kind, a.unit.name, a.entryPoints])).toEqual([['serverless-function', 'refund_desk', ['refunds/agent.py']]]);
    const item = itemNamed(agents, 'refund_desk');
    expect(item.trigger.kind).toBe('webhook');
    expect(item.credentials.map((c) => c.name)).toContain('arn:aws:iam::210987654321:role/AmazonBedrockAgentCoreSDKRuntime-us-east-1-4d2c9e');
    expect(item.capabilities.map((c) => c.kind)).toContain('payment');
  });
});
