// Zendesk tickets for support assistants, over MCP's streamable HTTP transport.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import { z } from 'zod';

const server = new McpServer({ name: 'tickets', version: '1.3.0' });
const zendesk = `https://${process.env.ZENDESK_SUBDOMAIN}.zendesk.com/api/v2`;
const auth = { authorization: `Bearer ${process.env.ZENDESK_API_TOKEN}` };

server.tool('get_ticket', 'Read a support ticket and its comments', { id: z.string() }, async ({ id }) => {
  const response = await fetch(`${zendesk}/tickets/${id}/comments.json`, { headers: auth });
  return { content: [{ type: 'text', text: await response.text() }] };
});

server.tool('add_internal_note', 'Add an internal note to a ticket', { id: z.string(), note: z.string() }, async ({ id, note }) => {
  await fetch(`${zendesk}/tickets/${id}.json`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ticket: { comment: { body: note, public: false } } }) });
  return { content: [{ type: 'text', text: 'noted' }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3333);
