import { describe, expect, it } from 'vitest';
import { analyzed, toolSummary } from './test-helpers';

/** Gradio apps launched with `mcp_server=True`: the functions they serve are MCP tools, and they answer on Gradio's MCP routes. */

const BLOCKS = `import os
import subprocess

import gradio as gr


def lookup(merchant_id: str) -> str:
    """Look a merchant up."""
    return merchant_id


def run_report(name: str) -> str:
    """Run a reporting script."""
    return subprocess.run(["./reports/" + name], capture_output=True, text=True).stdout


def health() -> str:
    return "ok"


def secret() -> str:
    return "hidden"


with gr.Blocks() as demo:
    box = gr.Textbox()
    out = gr.Textbox()
    box.submit(lookup, inputs=box, outputs=out)
    gr.Button("Run").click(fn=run_report, inputs=box, outputs=out, api_name="report")
    demo.load(health, outputs=out, api_name=False)
    gr.Button("x").click(secret, outputs=out, show_api=False)

demo.launch(server_port=int(os.getenv("PORT", "7900")), mcp_server=True)
`;

describe('a Gradio MCP server', () => {
  it('serves its listeners and gr.api functions as tools, named by api_name or the function, each with its own capabilities; hidden endpoints are no tools', async () => {
    const found = await analyzed('desk/app.py', BLOCKS);
    expect(found.mcpServer?.evidence.ruleId).toBe('py.framework.gradio-mcp-server');
    expect(toolSummary(found)).toEqual(['lookup:', 'report: shell-exec']);
    expect(found.tools.find((tool) => tool.name === 'lookup')?.description).toBe('Look a merchant up.');
  });

  it('serves gr.Interface and gr.ChatInterface functions (by keyword or first), and one imported from another module by its name', async () => {
    const found = await analyzed('app.py', 'import gradio as gr\nfrom desk.answers import answer\n\n\ndef convert(amount: float) -> float:\n    return amount * 1.1\n\n\nconvert_ui = gr.Interface(convert, "number", "number")\nchat = gr.ChatInterface(fn=answer)\ngr.TabbedInterface([convert_ui, chat]).launch(mcp_server=True)\n');
    expect(found.tools.map((tool) => tool.name)).toEqual(['convert', 'answer']);
  });

  it('answers on /gradio_api/mcp/sse and /gradio_api/mcp of its server_port: the written default of an env lookup, 7860 when none, unknown when read at run time', async () => {
    const serving = async (launch: string) => ((await analyzed('app.py', `import gradio as gr\n\n\ndef f(x: str) -> str:\n    return x\n\n\ndemo = gr.Interface(fn=f, inputs="text", outputs="text")\n${launch}\n`)).mcpHttpServing ?? []).map((fact) => `${fact.transport} ${fact.port} ${fact.path}`);
    expect(await serving('demo.launch(server_port=int(os.getenv("PORT", "7900")), mcp_server=True)')).toEqual(['sse 7900 /gradio_api/mcp/sse', 'streamable-http 7900 /gradio_api/mcp']);
    expect(await serving('demo.launch(mcp_server=True)')).toEqual(['sse 7860 /gradio_api/mcp/sse', 'streamable-http 7860 /gradio_api/mcp']);
    expect(await serving('demo.launch(server_port=config["port"], mcp_server=True)')).toEqual(['sse null /gradio_api/mcp/sse', 'streamable-http null /gradio_api/mcp']);
  });

  it('decoys: a Gradio UI launched without mcp_server (or with it off) serves no tools, and its model call stays a plain call', async () => {
    const ui = 'import gradio as gr\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\ndef respond(message, history):\n    return client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": message}]).choices[0].message.content\n\n\ngr.ChatInterface(fn=respond).launch(LAUNCH)\n';
    for (const launch of ['', 'mcp_server=False']) {
      const found = await analyzed('chat.py', ui.replace('LAUNCH', launch));
      expect(found.mcpServer ?? null).toBeNull();
      expect(found.tools).toEqual([]);
      expect(found.agentic).toBe(false);
      expect(found.mcpHttpServing ?? []).toEqual([]);
    }
  });
});
