import { describe, expect, it } from 'vitest';
import { scanTreeFixture } from '../scan/test-scan-tree';

const fixture = scanTreeFixture('atw-mounted-routes-');

const AGENT_ROUTER = `from fastapi import APIRouter
from openai import OpenAI

router = APIRouter()
client = OpenAI()


@router.post("/refund-advice")
async def advise(body: dict) -> dict:
    reply = client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": body["question"]}], tools=[{"type": "function", "function": {"name": "lookup", "parameters": {}}}])
    return {"answer": reply.choices[0].message.content}
`;

const counted = (agents: ReadonlyArray<{ classification: string; confidence: number; unit: { path: string } }>) =>
  agents.filter((a) => a.classification !== 'example' && a.confidence >= 0.5).map((a) => a.unit.path).sort();

describe('route modules a server of their project mounts', () => {
  it('are that server\u2019s code: one item at the app, none at the router', async () => {
    fixture.writeAll({
      'app/main.py': `import uvicorn\nfrom fastapi import FastAPI\nfrom app.routers import refunds\n\napp = FastAPI()\napp.include_router(refunds.router)\n\n\n@app.get("/health")\nasync def health():\n    return {"ok": True}\n\n\nif __name__ == "__main__":\n    uvicorn.run(app)\n`,
      'app/routers/refunds.py': AGENT_ROUTER,
    });
    const { agents } = await fixture.scan();
    expect(counted(agents)).toEqual(['app/main.py']);
  });

  it('stay their own entry points when no server imports them, or when router and app import each other', async () => {
    fixture.writeAll({
      // Nothing imports this router: it is served some other way (`uvicorn ...:router` is not seen).
      'standalone/advice.py': AGENT_ROUTER,
      // Two route modules that import each other: neither is the other's server.
      'pair/a.py': `from fastapi import APIRouter\nfrom pair import b\n\nrouter = APIRouter()\n\n\n@router.get("/a")\nasync def a():\n    return b.VALUE\n`,
      'pair/b.py': `${AGENT_ROUTER}\nfrom pair import a\nVALUE = 1\n`,
    });
    const { agents } = await fixture.scan();
    expect(counted(agents)).toEqual(['pair/a.py', 'pair/b.py', 'standalone/advice.py']);
  });

  it('an Express app built in a function another script calls is that script\u2019s: one item at the script that runs main()', async () => {
    fixture.writeAll({
      'package.json': '{ "name": "desk", "scripts": { "start": "ts-node src/index.ts" } }',
      'src/index.ts': 'import { createApp } from "./app";\n\nasync function main() {\n  await createApp();\n}\n\nmain().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});\n',
      'src/app.ts': [
        'import express from "express";',
        'import { createServer } from "http";',
        'import { answer } from "./agent";',
        '',
        'export async function createApp() {',
        '  const app = express();',
        '  app.use(express.json());',
        '  app.post("/api/chat", async (req, res) => res.json(await answer(req.body.text)));',
        '  createServer(app).listen(3000);',
        '}',
        '',
      ].join('\n'),
      'src/agent.ts': [
        'import { createAgent, tool } from "langchain";',
        'import { z } from "zod";',
        '',
        'const lookupRefund = tool(async ({ id }) => `refund ${id} is pending`, { name: "lookup_refund", description: "Look a refund up", schema: z.object({ id: z.string() }) });',
        'const agent = createAgent({ model: "openai:gpt-4.1-mini", tools: [lookupRefund] });',
        '',
        'export async function answer(text: string) {',
        '  return agent.invoke({ messages: [{ role: "user", content: text }] });',
        '}',
        '',
      ].join('\n'),
    });
    const { agents } = await fixture.scan();
    expect(counted(agents)).toEqual(['src/index.ts']);
  });

  it('a server module whose start a main() script runs is that script\u2019s too, with what the server reaches from itself', async () => {
    fixture.writeAll({
      'src/index.ts': 'import { createApp } from "./app";\n\nasync function main() {\n  await createApp();\n}\n\nmain();\n',
      // Only a server start (no route call of its own), inside the function index.ts calls.
      'src/app.ts': 'import express from "express";\nimport { chatRouter } from "./chat";\n\nexport async function createApp() {\n  const app = express();\n  app.use("/chat", chatRouter());\n  app.listen(3000);\n}\n',
      'src/chat.ts': 'import { Router } from "express";\nimport { RefundAgent } from "./agent";\n\nexport function chatRouter() {\n  const agent = new RefundAgent();\n  return Router().use(async (req, res) => res.json(await agent.answer(req.body.text)));\n}\n',
      'src/agent.ts': 'import { createAgent } from "langchain";\nimport { lookupRefund } from "./tools";\n\nexport class RefundAgent {\n  private agent = createAgent({ model: "openai:gpt-4.1-mini", tools: [lookupRefund] });\n  answer(text: string) {\n    return this.agent.invoke({ messages: [{ role: "user", content: text }] });\n  }\n}\n',
      'src/tools.ts': 'import { tool } from "langchain";\nimport { z } from "zod";\nimport { readRefund } from "./db";\n\nexport const lookupRefund = tool(async ({ id }) => readRefund(id), { name: "lookup_refund", description: "Look a refund up", schema: z.object({ id: z.string() }) });\n',
      // Five imports below index.ts, four below app.ts: the script holds it through the server it mounts.
      'src/db.ts': 'import { Pool } from "pg";\n\nconst pool = new Pool();\n\nexport async function readRefund(id: string) {\n  return (await pool.query("SELECT * FROM refunds WHERE id = $1", [id])).rows[0];\n}\n',
    });
    const { agents } = await fixture.scan();
    expect(counted(agents)).toEqual(['src/index.ts']);
    expect(agents.find((a) => a.unit.path === 'src/index.ts')!.codeFiles).toContain('src/db.ts');
  });
});
