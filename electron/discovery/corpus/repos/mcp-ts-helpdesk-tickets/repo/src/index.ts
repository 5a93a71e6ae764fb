#!/usr/bin/env node
// Helpdesk tools for Northwind Pay support, served to MCP clients over stdio.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import nodemailer from 'nodemailer';
import { Pool } from 'pg';
import { z } from 'zod';

const pool = new Pool({ connectionString: process.env.HELPDESK_DATABASE_URL });
const mailer = nodemailer.createTransport({ host: 'smtp.northwind.internal', port: 587 });

const server = new McpServer({
  name: 'helpdesk-tickets',
  version: '2.3.1',
});

server.tool('search_tickets', 'Search open tickets by words in their title', { query: z.string() }, async ({ query }) => {
  const { rows } = await pool.query('SELECT id, title, status FROM tickets WHERE title ILIKE $1 LIMIT 25', [`%${query}%`]);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

server.registerTool(
  'close_ticket',
  { title: 'Close ticket', description: 'Mark a ticket as solved', inputSchema: { id: z.number() } },
  async ({ id }) => {
    await pool.query("UPDATE tickets SET status = 'solved', solved_at = now() WHERE id = $1", [id]);
    return { content: [{ type: 'text', text: `ticket ${id} solved` }] };
  },
);

server.registerTool(
  'email_customer',
  { description: 'Email the customer of a ticket', inputSchema: { to: z.string().email(), subject: z.string(), body: z.string() } },
  async ({ to, subject, body }) => {
    await mailer.sendMail({ from: 'support@northwind.example', to, subject, text: body });
    return { content: [{ type: 'text', text: 'sent' }] };
  },
);

await server.connect(new StdioServerTransport());
