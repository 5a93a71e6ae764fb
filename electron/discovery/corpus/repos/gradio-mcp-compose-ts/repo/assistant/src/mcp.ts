import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** The policy knowledge base's tools, over Gradio's streamable HTTP MCP route. */
export async function policyTools(): Promise<Client> {
  const client = new Client({ name: 'policy-assistant', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(process.env.POLICY_MCP_URL ?? 'http://policy-kb:7860/gradio_api/mcp/')));
  return client;
}
