import { describe, expect, it } from 'vitest';
import { serverActionEntryOf } from './client-entry';
import { analyzed, toolSummary } from './test-helpers';

/** Shapes from public Genkit apps (firebase-genkit samples, genkitx-mcp flow servers), written anew. */
describe('Google Genkit', () => {
  it('a flow handing its model MCP tools by name is an agent; the plugin gives the provider and the MCP client its server', async () => {
    const findings = await analyzed(
      'src/index.ts',
      `import { genkit, z } from 'genkit'
import { startFlowServer } from '@genkit-ai/express'
import { googleAI, gemini25Flash } from '@genkit-ai/googleai'
import { mcpClient } from 'genkitx-mcp'

const github = mcpClient({ name: 'github', serverProcess: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } })
const ai = genkit({ plugins: [googleAI(), github], model: gemini25Flash })

const triage = ai.defineFlow({ name: 'triage', inputSchema: z.string() }, async (prompt) => {
  const { text } = await ai.generate({ prompt, tools: ['github/search_issues', 'github/create_issue'] })
  return text
})

startFlowServer({ flows: [triage] })
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['genkit']);
    expect(findings.llm.map((use) => use.provider)).toEqual(['google']);
    expect(findings.tools.map((tool) => tool.name)).toEqual(['github/search_issues', 'github/create_issue']);
    expect(findings.agentic).toBe(true);
    expect(findings.entryPoint?.ruleId).toBe('ts.entry-point.server-start');
    // The client names the server it launches, not the `serverProcess` key holding the command.
    expect(findings.mcpLaunches).toMatchObject([{ name: 'github', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] }]);
  });

  it('a one-shot generate with no tools is not agentic; Firebase callable exports are HTTP entry points', async () => {
    const findings = await analyzed(
      'src/index.ts',
      `import { onCallGenkit } from 'firebase-functions/https'
import { genkit, z } from 'genkit'
import vertexAI from '@genkit-ai/vertexai'

const ai = genkit({ plugins: [vertexAI({ location: 'europe-west1' })] })
const summarise = ai.defineFlow({ name: 'summarise', inputSchema: z.string() }, async (text) => (await ai.generate({ model: vertexAI.model('gemini-2.5-flash'), prompt: text })).text)

export const summariseCase = onCallGenkit({ region: 'europe-west1' }, summarise)
`,
    );
    expect(findings.agentic).toBe(false);
    expect(new Set(findings.llm.map((use) => use.provider))).toEqual(new Set(['google']));
    expect(findings.llm.flatMap((use) => use.models)).toContain('gemini-2.5-flash');
    expect(findings.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.cloud-function', line: 8 });
  });

  it('a model id written under its plugin namespace (googleai/, vertexai/, ollama/) names the model the plugin serves', async () => {
    const studio = await analyzed(
      'src/ai/genkit.ts',
      `import { genkit } from 'genkit'
import { googleAI } from '@genkit-ai/google-genai'
import { vertexAI } from '@genkit-ai/vertexai'

export const ai = genkit({ plugins: [googleAI(), vertexAI({ location: 'europe-west1' })], model: 'googleai/gemini-2.0-flash' })

export async function triage(note: string) {
  return (await ai.generate({ model: 'vertexai/gemini-1.5-pro', prompt: note })).text
}
`,
    );
    expect(new Set(studio.llm.map((use) => use.provider))).toEqual(new Set(['google']));
    expect([...new Set(studio.llm.flatMap((use) => use.models))].sort()).toEqual(['gemini-1.5-pro', 'gemini-2.0-flash']);

    const mixed = await analyzed(
      'src/index.ts',
      `import { genkit } from 'genkit'
import { googleAI } from '@genkit-ai/google-genai'
import { openAI } from '@genkit-ai/compat-oai/openai'
import { ollama } from 'genkitx-ollama'

const ai = genkit({ plugins: [googleAI(), openAI(), ollama({ serverAddress: 'http://127.0.0.1:11434' })] })

export async function draft(prompt: string) {
  const first = await ai.generate({ model: 'googleai/gemini-2.5-flash', prompt })
  const second = await ai.generate({ model: 'openai/gpt-4o', prompt: first.text })
  return ai.generate({ model: 'ollama/llama3.1', prompt: second.text })
}
`,
    );
    expect(Object.fromEntries(mixed.llm.map((use) => [use.provider, use.models]))).toEqual({ google: ['gemini-2.5-flash'], openai: ['gpt-4o'], ollama: ['llama3.1'] });

    const python = await analyzed(
      'main.py',
      `from genkit.ai import Genkit
from genkit.plugins.google_genai import GoogleAI

ai = Genkit(plugins=[GoogleAI()], model="googleai/gemini-2.5-flash")
`,
    );
    expect(python.llm.map((use) => [use.provider, use.models])).toEqual([['google', ['gemini-2.5-flash']]]);
  });

  it("a flow module writing a plugin's model id uses that plugin's provider, though the plugin is set up in another module", async () => {
    const flow = await analyzed(
      'src/ai/flows/evidence-image.ts',
      `'use server';
import { ai } from '@/ai/genkit';
import { z } from 'genkit';

export const evidenceImage = ai.defineFlow({ name: 'evidenceImage', inputSchema: z.string() }, async (description) => {
  const { media } = await ai.generate({ model: 'googleai/gemini-2.0-flash-exp', prompt: description, config: { responseModalities: ['TEXT', 'IMAGE'] } });
  const { text } = await ai.generate({ model: 'vertexai/gemini-1.5-pro', prompt: \`Caption: \${description}\` });
  return { url: media?.url, caption: text };
});
`,
    );
    expect(flow.llm.map((use) => [use.provider, use.models, use.evidence.ruleId, use.evidence.line])).toEqual([['google', ['gemini-2.0-flash-exp', 'gemini-1.5-pro'], 'ts.llm.genkit-google', 6]]);
    // The same string outside a Genkit module (a settings table) names no model use.
    const settings = await analyzed('src/settings.ts', `import OpenAI from 'openai'
export const client = new OpenAI()
export const presets = { image: { model: 'googleai/gemini-2.0-flash-exp' } }
`);
    expect(settings.llm.map((use) => use.provider)).toEqual(['openai']);
  });

  it('a tool defined on an instance imported from the app module is a tool, with what its body does', async () => {
    const findings = await analyzed(
      'src/tools/refunds.ts',
      `import Stripe from 'stripe'
import { z } from 'genkit'
import { ai } from '../genkit'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '')

export const issueRefund = ai.defineTool(
  { name: 'issueRefund', description: 'Refund a charge', inputSchema: z.object({ chargeId: z.string() }) },
  async ({ chargeId }) => (await stripe.refunds.create({ charge: chargeId })).id,
)
`,
    );
    expect(toolSummary(findings)).toEqual(['issueRefund: payment']);
  });

  it('strings in a tools list name tools only in a Genkit file', async () => {
    const lint = await analyzed(
      'scripts/summarise-lint.ts',
      `import OpenAI from 'openai'
const config = { tools: ['eslint', 'prettier'] }
const client = new OpenAI()
export async function summarise(log: string) {
  return client.responses.create({ model: 'gpt-4.1-mini', input: \`Summarise \${config.tools.join(', ')} output: \${log}\` })
}
`,
    );
    expect(lint.tools).toEqual([]);
    expect(lint.agentic).toBe(false);
  });

  it('Python: @ai.tool() functions and a flow handing one over by name', async () => {
    const findings = await analyzed(
      'refunds/app.py',
      `from genkit.ai import Genkit
from genkit.plugins.google_genai import GoogleAI
import psycopg

ai = Genkit(plugins=[GoogleAI()], model='googleai/gemini-2.0-flash')


@ai.tool()
def lookup_charge(charge_id: str) -> dict:
    """Amount and status of a charge."""
    with psycopg.connect('postgresql://ro@ledger/ledger') as conn:
        return conn.execute('SELECT amount_cents, status FROM charges WHERE id = %s', (charge_id,)).fetchone()


@ai.flow()
async def refund_triage(charge_id: str) -> str:
    response = await ai.generate(prompt=f'Should we refund {charge_id}?', tools=['lookup_charge'])
    return response.text
`,
    );
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['genkit']);
    expect(findings.llm).toMatchObject([{ provider: 'google', sdk: 'genkit.plugins.google_genai.GoogleAI' }]);
    expect(toolSummary(findings)).toEqual(['lookup_charge: data-read']);
    expect(findings.agentic).toBe(true);
  });

  it("a 'use server' module that exports nothing serves no endpoint", () => {
    expect(serverActionEntryOf('src/app/ai/genkit.ts', `"use server";\nimport { configureGenkit } from "@genkit-ai/core";\nconfigureGenkit({ plugins: [] });\n`)).toBeNull();
    expect(serverActionEntryOf('src/app/filter/action.ts', `"use server";\nexport async function magicFilter(q: string) { return q }\n`)).toMatchObject({ ruleId: 'web.server-action', line: 1 });
  });
});
