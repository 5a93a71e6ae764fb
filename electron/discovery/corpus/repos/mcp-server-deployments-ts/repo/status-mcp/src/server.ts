// Payment-rail status for any MCP client: read from the status page's public API.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'rail-status', version: '0.2.0' });

server.tool('rail_status', 'Current status of a payment rail', { rail: z.enum(['sepa', 'swift', 'cards']) }, async ({ rail }) => {
  const response = await fetch(`https://status.northwind.example/api/rails/${rail}`);
  return { content: [{ type: 'text', text: await response.text() }] };
});

await server.connect(new StdioServerTransport());
