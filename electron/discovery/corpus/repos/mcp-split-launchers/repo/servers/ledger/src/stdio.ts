#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/server';
import { createLedgerServer } from './server.js';

async function main() {
  const server = createLedgerServer();
  await server.connect(new StdioServerTransport());
  console.error('ledger MCP server on stdio');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
