#!/usr/bin/env node
// Team notes as MCP tools, on the SDK's low-level Server (request handlers instead of server.tool).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const NOTES_DIR = process.env.NOTES_DIR ?? '/srv/team-notes';

const server = new Server({ name: 'team-notes', version: '0.4.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: 'read_note', description: 'Read a team note', inputSchema: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] } },
    { name: 'save_note', description: 'Create or replace a team note', inputSchema: { type: 'object', properties: { slug: { type: 'string' }, text: { type: 'string' } }, required: ['slug', 'text'] } },
    { name: 'delete_note', description: 'Delete a team note', inputSchema: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] } },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  const file = path.join(NOTES_DIR, `${args.slug}.md`);
  if (name === 'read_note') return { content: [{ type: 'text', text: await readFile(file, 'utf8') }] };
  if (name === 'save_note') {
    await writeFile(file, String(args.text));
    return { content: [{ type: 'text', text: 'saved' }] };
  }
  if (name === 'delete_note') {
    await rm(file);
    return { content: [{ type: 'text', text: 'deleted' }] };
  }
  throw new Error(`unknown tool ${name}`);
});

await server.connect(new StdioServerTransport());
