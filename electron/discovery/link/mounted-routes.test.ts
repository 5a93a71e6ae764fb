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
});
