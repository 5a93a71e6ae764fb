import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';
import { analyzeConfigFile } from './index';
import { analyzeRailway } from './railway';
import { fixture, lineWith, testContext } from './test-support';

const WEB = fixture('railway/railway.json');
const CRON = fixture('railway/digest/railway.toml');
const BOT = fixture('railway/bot/railway.json');
const analyze = (path: string, text: string) => analyzeRailway(path, text, testContext())!.units[0]!;

describe('Railway config as code', () => {
  it('is the service deployed from its folder: its start command, its Dockerfile, a health check as HTTP', () => {
    const web = analyze('services/api/railway.json', WEB);
    expect(web).toMatchObject({ kind: 'container-service', name: 'api', runs: ['uvicorn api.main:app --host 0.0.0.0 --port $PORT'], build: { context: 'services/api', dockerfile: 'Dockerfile' } });
    expect(web.evidence.line).toBe(lineWith(WEB, '"startCommand"'));
    expect(web.trigger).toMatchObject({ kind: 'webhook', description: 'Serves HTTP requests (Railway service, health check /health)' });
    expect(web.llm.map((l) => l.provider)).toContain('openai');
    // At the top of the repository the folder names nothing: the service is called what it is.
    expect(analyze('railway.json', WEB).name).toBe('Railway service');
  });

  it('with a cron schedule is a scheduled task Railway starts in UTC; with nothing else a long-running service its code may type', () => {
    const cron = analyze('digest/railway.toml', CRON);
    expect(cron).toMatchObject({ kind: 'scheduled-task', name: 'digest', runs: ['python digest.py'], codePaths: ['digest/digest.py'] });
    expect(cron.trigger).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5', description: 'Every Monday to Friday at 07:00 UTC' });
    expect(cron.build).toBeUndefined();
    expect(analyze('bot/railway.json', BOT).trigger).toMatchObject({ kind: 'event', schedule: 'background' });
  });

  it('keeps the service when a variable’s name is not a plain word', () => {
    const hostile = '{ "deploy": { "startCommand": "node bot.js" }, "variables": { "OPENAI_API_KEY(": "x", "[a": "y" } }';
    expect(analyze('bot/railway.json', hostile)).toMatchObject({ name: 'bot', runs: ['node bot.js'] });
  });

  it('gives nothing for a config that runs nothing it names, and a warning for a malformed one', async () => {
    expect(analyzeRailway('railway.json', '{ "deploy": { "restartPolicyType": "ON_FAILURE" } }', testContext())).toBeNull();
    expect((await analyzeConfigFile('digest/railway.toml', CRON, testContext())).findings!.format).toBe('railway');
    const broken = await analyzeConfigFile('railway.toml', '[deploy\nstartCommand = "x"\n', testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid TOML.*read as a Railway config/);
  });
});

describe('a Railway cron service in a scan', () => {
  const tree = scanTreeFixture('atw-railway-');

  it('is the item of the agent its start command runs, on its schedule', async () => {
    tree.writeAll({
      'digest/railway.toml': CRON,
      'digest/requirements.txt': 'openai-agents\n',
      'digest/digest.py': `from agents import Agent, Runner, WebSearchTool

digest = Agent(name="Market digest", instructions="Summarise this morning's card-network news.", model="gpt-4.1", tools=[WebSearchTool()])

if __name__ == "__main__":
    print(Runner.run_sync(digest, "Write today's digest.").final_output)
`,
    });
    const agents = (await tree.scan()).agents;
    const item = itemNamed(agents, 'digest');
    expect(item).toMatchObject({ classification: 'agent', entryPoints: ['digest/digest.py'] });
    expect(item.unit.kind).toBe('scheduled-task');
    expect(item.trigger).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5' });
    expect(agents.some((a) => a.unit.path === 'digest/digest.py')).toBe(false);
  });
});
