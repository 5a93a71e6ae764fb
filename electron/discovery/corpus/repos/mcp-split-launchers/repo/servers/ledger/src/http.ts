import { StreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { createLedgerServer } from './server.js';

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = createLedgerServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3101), () => console.error('ledger MCP server on http'));
