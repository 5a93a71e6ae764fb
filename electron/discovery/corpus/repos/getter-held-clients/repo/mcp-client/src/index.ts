// A command-line MCP client for the ops team, after the MCP quickstart: Claude chooses among the
// tools the connected server lists. The Anthropic client is created on first use by a getter.
import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import readline from 'node:readline/promises';

class OpsClient {
  private mcp = new Client({ name: 'ops-mcp-client', version: '1.0.0' });
  private _anthropic: Anthropic | null = null;
  private tools: Anthropic.Tool[] = [];

  private get anthropic(): Anthropic {
    return (this._anthropic ??= new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }));
  }

  async connect(serverScript: string) {
    await this.mcp.connect(new StdioClientTransport({ command: serverScript.endsWith('.py') ? 'python3' : process.execPath, args: [serverScript] }));
    const { tools } = await this.mcp.listTools();
    this.tools = tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema }));
  }

  async processQuery(query: string): Promise<string> {
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: query }];
    const response = await this.anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1000, messages, tools: this.tools });
    const out: string[] = [];
    for (const block of response.content) {
      if (block.type === 'text') out.push(block.text);
      else if (block.type === 'tool_use') {
        const result = await this.mcp.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
        out.push(`[${block.name}] ${JSON.stringify(result.content)}`);
      }
    }
    return out.join('\n');
  }
}

async function main() {
  if (process.argv.length < 3) {
    console.log('Usage: node build/index.js <path_to_server_script>');
    return;
  }
  const client = new OpsClient();
  await client.connect(process.argv[2]!);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  for (;;) console.log(await client.processQuery(await rl.question('> ')));
}

main();
