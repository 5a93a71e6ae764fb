import { mkdirSync } from 'node:fs';
import { scanCorpusRepositories } from './support/corpus-scan';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/cloudflare-shots';

test('a Cloudflare Worker is a serverless function whose Agents SDK classes are its agents, and its McpAgent a linked MCP server', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'workers.atw', ['cloudflare-agents-multi-desk', 'cloudflare-remote-mcp-ledger']);
  await expect(discovery.group('Serverless functions')).toContainText('disputes-desk');

  // The worker: its wrangler config, its HTTP trigger, Workers AI and the binding that pays for it, its agents.
  const worker = await discovery.openCandidate('disputes-desk');
  await expect(page.getByText(/Serverless function\s+disputes-desk\s+in\s+wrangler\.jsonc/)).toBeVisible();
  await expect(worker.section('LLM use')).toContainText('Cloudflare Workers AI');
  await expect(worker.section('LLM use')).toContainText('@cf/meta/llama-3.3-70b-instruct-fp8-fast');
  await expect(worker.section('Credentials')).toContainText('AI (Workers AI binding)');
  await expect(worker.section('Credentials')).toContainText('STRIPE_SECRET_KEY');
  await expect(worker.section('Linked items')).toContainText('IntakeAgent');
  await expect(worker.section('Linked items')).toContainText('RefundAgent');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { name: 'disputes-desk', level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/worker-${width}.png` });
    await worker.section('Credentials').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/worker-credentials-${width}.png` });
  }

  // A remote MCP server on Workers: deployed by its wrangler config, serving Claude Code by its workers.dev URL.
  await discovery.open();
  const server = await discovery.openCandidate('northwind-ledger');
  await expect(server.header).toContainText('MCP server');
  await expect(server.section('Linked items')).toContainText('Claude Code');
  await expect(server.section('Linked items')).toContainText('escalate');
  await expect(server.section('Tools')).toContainText('hold_account');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/mcp-worker-${width}.png` });
  }
});
