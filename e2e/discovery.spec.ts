import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscoveryPage } from './page-models/discovery-page';
import { FileImportDialog } from './page-models/import-dialog';
import { RegistryPage } from './page-models/registry-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { expect, test } from './support/web-app';

const CORPUS = resolve(import.meta.dirname, '..', 'electron', 'discovery', 'corpus', 'repos');

/** A new agent appears in the copy: a morning CronJob that summarises tickets with OpenAI and posts to Slack. */
function addDigestAgent(repo: string): void {
  writeFileSync(
    join(repo, 'k8s', 'digest-cronjob.yaml'),
    `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-digest
  namespace: customer-support
spec:
  schedule: "0 6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: digest
              image: support-agent:1.14.2
              command: ["python", "-m", "agent.digest"]
              env:
                - name: OPENAI_API_KEY
                  valueFrom:
                    secretKeyRef:
                      name: support-agent-openai
                      key: api-key
`,
  );
  writeFileSync(
    join(repo, 'agent', 'digest.py'),
    `"""Every morning: summarise yesterday's tickets and post the digest to the team channel."""
import os

import requests
from openai import OpenAI

from agent.db import connect

client = OpenAI()


def main() -> None:
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT subject, body FROM support_tickets WHERE created_at > now() - interval '1 day'")
        tickets = cur.fetchall()
    text = "\\n".join(f"- {s}: {b[:200]}" for s, b in tickets)
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarise:\\n{text}"}])
    requests.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": reply.choices[0].message.content}, timeout=10)


if __name__ == "__main__":
    main()
`,
  );
}

test('scan a repository, confirm one candidate, dismiss the other, and a re-scan keeps the decisions and shows the new agent', async ({ app, page }) => {
  const repo = join(app.scratch, 'support-agent');
  cpSync(join(CORPUS, 'langgraph-support-sql', 'repo'), repo, { recursive: true });

  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'support-review.atw'), 'Create');
  await expect(page.getByText('support-review', { exact: true })).toBeVisible();

  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await expect(page.getByText('No candidates yet: add a repository folder and press Scan')).toBeVisible();
  await expect(discovery.scanButton).toBeDisabled();

  await discovery.folderField.fill('support-agent');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await expect(discovery.folderField).toHaveAccessibleDescription(/not an absolute path/);

  await discovery.addFolder(repo);
  await discovery.scan();
  await expect(discovery.scanFinished).toContainText('First scan of these folders');
  await expect(discovery.scanFinished).toContainText('support-agent');

  // One codebase, two deployable units: one candidate per unit, grouped by kind.
  await expect(discovery.rows()).toHaveCount(2);
  await expect(discovery.group('Kubernetes CronJobs')).toContainText('support-ticket-triage');
  await expect(discovery.group('Kubernetes Deployments')).toContainText('support-assistant-api');
  const triageRow = discovery.row('support-ticket-triage');
  await expect(triageRow).toContainText('Cron — Every 30 minutes');
  await expect(triageRow).toContainText('Writes data');
  await expect(triageRow).toContainText('1 advisory');
  await page.screenshot({ path: test.info().outputPath('discovery-queue.png') });

  // Every fact carries its evidence: file and line, the snippet as text, the rule and its confidence.
  const candidate = await discovery.openCandidate('support-ticket-triage');
  const trigger = candidate.section('Trigger');
  await expect(trigger).toContainText('k8s/cronjob.yaml:');
  await expect(trigger.locator('pre')).toContainText('*/30 * * * *');
  await expect(trigger).toContainText(/rule \S+/);
  await expect(trigger).toContainText(/confidence \d\.\d\d/);
  const capabilities = candidate.section('Capabilities');
  await expect(capabilities).toContainText('in tool update_ticket_status');
  await expect(capabilities).toContainText('agent/tools.py:');
  await expect(candidate.section('LLM use')).toContainText('gpt-4o-mini');
  await expect(candidate.section('Advisories')).toContainText('langgraph-checkpoint@2.0.9');
  await page.screenshot({ path: test.info().outputPath('discovery-candidate.png'), fullPage: true });

  await candidate.confirm();
  await expect(candidate.header).toContainText('Confirmed');
  await page.getByRole('link', { name: 'Open in registry' }).click();
  await expect(page.getByRole('heading', { name: 'support-ticket-triage', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inventory' }).click();
  await expect(registry.row('support-ticket-triage')).toBeVisible();
  await expect(registry.row('support-ticket-triage')).toContainText('Confirmed');

  await discovery.open();
  await expect(discovery.rows()).toHaveCount(1);
  const api = await discovery.openCandidate('support-assistant-api');
  await page.getByRole('button', { name: 'Dismiss…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Dismiss candidate' }).click();
  await expect(dialog.getByLabel('Reason')).toHaveAccessibleDescription(/Say why it is not an agent/);
  await page.keyboard.press('Escape');
  await api.dismiss('Same code as the CronJob; reviewed with it');
  await expect(api.header).toContainText('Dismissed');
  await expect(page.getByRole('status').filter({ hasText: 'Reason:' })).toContainText('Same code as the CronJob; reviewed with it');
  await api.backToQueue();
  await expect(page.getByText('No pending candidates.')).toBeVisible();

  // A new agent lands in the repository; the re-scan keeps both decisions and flags it as New.
  addDigestAgent(repo);
  await discovery.scan();
  await expect(discovery.scanFinished).toContainText('Since the last scan: 1 new, 0 removed, 0 changed');
  await expect(discovery.scanFinished).toContainText('nightly-digest');
  await expect(discovery.rows()).toHaveCount(1);
  await expect(discovery.row('nightly-digest')).toContainText('New');
  await expect(discovery.group('Kubernetes CronJobs')).toContainText('Sends messages');

  await discovery.showDecision('All');
  await expect(discovery.rows()).toHaveCount(3);
  await expect(discovery.row('support-ticket-triage')).toContainText('Confirmed');
  await expect(discovery.row('support-assistant-api')).toContainText('Dismissed');
  await page.screenshot({ path: test.info().outputPath('discovery-rescan.png') });
});

test('a scan can be cancelled and leaves the workspace as it was', async ({ app, page }) => {
  // A big tree with a real agent inside: had the scan finished, the queue would not be empty.
  const tree = join(app.scratch, 'monorepo');
  const source = 'import json\n\n\ndef handler(event):\n    return json.dumps({"ok": True})\n';
  for (let d = 0; d < 200; d++) {
    const dir = join(tree, `service-${d}`, 'app');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(dir, `module_${f}.py`), source);
  }
  cpSync(join(CORPUS, 'langgraph-support-sql', 'repo'), join(tree, 'zz-support-agent'), { recursive: true });

  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'cancelled.atw'), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.addFolder(tree);
  await discovery.scanButton.click();
  await expect(page.getByRole('progressbar', { name: 'Scan progress' })).toBeVisible();
  await discovery.cancelButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Scan cancelled' })).toHaveText('Scan cancelled; the workspace was left as it was.');
  await expect(page.getByText('No candidates yet: add a repository folder and press Scan')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No candidates yet: add a repository folder and press Scan')).toBeVisible();
});

test('rules can be turned off per workspace, and a hostile MCP config is shown as text, never run', async ({ app, page }) => {
  const repo = join(app.scratch, 'cursor-project');
  cpSync(join(CORPUS, 'mcp-cursor-hostile', 'repo'), repo, { recursive: true });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'cursor.atw'), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();

  await page.getByRole('tab', { name: 'Rules' }).click();
  await expect(page.getByText('Changes apply to the next scan.')).toBeVisible();
  const ruleRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'mcp.capability.shell', exact: true }) });
  const enabled = ruleRow.getByRole('checkbox', { name: 'Enabled' });
  await expect(enabled).toBeChecked();
  await enabled.uncheck();
  await expect(enabled).not.toBeChecked();
  await page.reload();
  await page.getByRole('tab', { name: 'Rules' }).click();
  await expect(ruleRow.getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
  await ruleRow.getByRole('checkbox', { name: 'Enabled' }).check();
  await expect(ruleRow.getByRole('checkbox', { name: 'Enabled' })).toBeChecked();

  await page.getByRole('tab', { name: 'Review queue' }).click();
  await discovery.addFolder(repo);
  await discovery.scan();
  await expect(discovery.group('MCP client configs')).toContainText('Shell');
  const candidate = await discovery.openCandidate('Cursor');
  const snippets = candidate.section('Capabilities').locator('pre');
  await expect(snippets.first()).toBeVisible();
  // The command is evidence to read: it sits in a <pre> as text, and nothing of it became markup.
  expect(await page.locator('main script, main iframe, main img').count()).toBe(0);
  await page.screenshot({ path: test.info().outputPath('discovery-mcp-candidate.png'), fullPage: true });
});

test('an OSV file a user brings adds advisories to the candidates whose locked versions it affects', async ({ app, page }) => {
  const repo = join(app.scratch, 'support-agent');
  cpSync(join(CORPUS, 'langgraph-support-sql', 'repo'), repo, { recursive: true });
  // A record written for this test (not a real advisory), against a version the repo pins.
  const osv = join(app.scratch, 'test-advisory.json');
  writeFileSync(
    osv,
    JSON.stringify({
      schema_version: '1.6.0',
      id: 'TEST-E2E-0001',
      modified: '2026-01-01T00:00:00Z',
      aliases: [],
      summary: 'Test record written by the discovery e2e spec',
      affected: [{ package: { ecosystem: 'PyPI', name: 'psycopg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.2.4' }] }] }],
    }),
  );
  const broken = join(app.scratch, 'broken.json');
  writeFileSync(broken, '{ "id": ');

  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'advisories.atw'), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.addFolder(repo);
  await discovery.scan();
  await expect(discovery.row('support-ticket-triage')).toContainText('1 advisory');

  // The discovery page's button opens the one Import dialog.
  await page.getByRole('button', { name: 'Import advisories…' }).click();
  const dialog = new FileImportDialog(page);
  await dialog.dialog.waitFor();
  await dialog.choose(broken);
  await expect(dialog.errors('broken.json')).toBeVisible();
  await expect(dialog.importButton).toBeDisabled();
  await dialog.choose(osv);
  await expect(dialog.preview('test-advisory.json')).toContainText('OSV advisories');
  await dialog.import();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 advisory' })).toBeVisible();
  await dialog.close();
  await expect(dialog.dialog).toBeHidden();
  await expect(discovery.row('support-ticket-triage')).toContainText('2 advisories');
  const candidate = await discovery.openCandidate('support-ticket-triage');
  await expect(candidate.section('Advisories')).toContainText('TEST-E2E-0001');
  await expect(candidate.section('Advisories')).toContainText('fixed in 3.2.4');
});

test('a candidate shows the outside content it reads, with its evidence, and whether it is scanned for injected instructions', async ({ app, page }) => {
  const repo = join(app.scratch, 'outside-content');
  cpSync(join(CORPUS, 'outside-content-agents', 'repo'), repo, { recursive: true });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'outside.atw'), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.addFolder(repo);
  await discovery.scan();

  const responder = await discovery.openCandidate('Issue responder/respond');
  const inputs = responder.section('Untrusted inputs');
  await expect(inputs).toContainText('Issues and comments');
  await expect(inputs).toContainText('on: issue_comment (issue and pull request comments)');
  await expect(inputs).toContainText('github.Github().get_repo().get_issue().get_comments');
  await expect(inputs).toContainText('agents/issue_responder.py');
  await expect(responder.section('Guardrails')).not.toContainText('Injection scan');
  await expect(page.getByRole('complementary', { name: 'Summary' })).toContainText('no injection scan seen');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await inputs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/untrusted-shots/responder-${width}.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/untrusted-shots/responder-top-${width}.png` });
  }

  await page.goBack();
  const triage = await discovery.openCandidate('helpdesk-triage');
  await expect(triage.section('Untrusted inputs')).toContainText('Support tickets');
  await expect(triage.section('Untrusted inputs')).toContainText('helpdesk/zendesk.py');
  await expect(triage.section('Guardrails')).toContainText('Injection scan');
  await expect(triage.section('Guardrails')).toContainText('llm_guard.input_scanners.PromptInjection');
  await expect(page.getByRole('complementary', { name: 'Summary' })).toContainText('scanned for injected instructions');
  await triage.section('Guardrails').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/untrusted-shots/helpdesk-1024.png' });
});
