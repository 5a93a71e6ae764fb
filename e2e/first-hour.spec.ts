import { AgentPage } from './page-models/agent-page';
import { DiscoveryPage } from './page-models/discovery-page';
import { RegistryPage } from './page-models/registry-page';
import type { Page } from '@playwright/test';
import { expect, test } from './support/web-app';

test('confirming a scanned unit the registry already has proposes the merge first, with why', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  // The demo's treasury CronJob is the registry's "Treasury Cash Forecaster": same schedule, same name.
  const candidate = await discovery.openCandidate('treasury-cash-forecaster');
  await expect(page.getByRole('note')).toContainText('Probably already in the registry as Treasury Cash Forecaster');

  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  const proposal = page.getByRole('dialog', { name: 'Already in the registry?' });
  await expect(proposal).toContainText('Treasury Cash Forecaster');
  await expect(proposal.getByRole('list', { name: 'Why it looks like Treasury Cash Forecaster' })).toContainText('same schedule 0 */4 * * *');
  await expect(proposal.getByRole('button', { name: 'Confirm as a new agent' })).toBeEnabled();
  await proposal.getByRole('button', { name: 'Merge into Treasury Cash Forecaster' }).click();
  await expect(candidate.header).toContainText('Merged');
  await registry.goto(app.url);
  await expect(registry.agentCount()).toHaveText('15 agents');
});

test('the Merge dialog lists the likely matches first and waits for a choice', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.openCandidate('nightly-ledger-reconciliation');
  await page.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Merge nightly-ledger-reconciliation/ });
  const merge = dialog.getByRole('button', { name: /^Merge/ });
  await expect(merge).toBeDisabled();
  const options = dialog.getByRole('radio');
  await expect(options.first()).toHaveAccessibleName(/Nightly Reconciliation Agent/);
  await expect(dialog).toContainText('same schedule 15 2 * * *');
  await options.first().check();
  await expect(merge).toHaveText('Merge into Nightly Reconciliation Agent');
  await expect(merge).toBeEnabled();
});

test('a candidate can still be confirmed as a new agent after the proposal', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  const candidate = await discovery.openCandidate('disputes-agent');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  const proposal = page.getByRole('dialog', { name: 'Already in the registry?' });
  await expect(proposal).toContainText('same credential ZENDESK_API_TOKEN');
  await proposal.getByRole('button', { name: 'Confirm as a new agent' }).click();
  await expect(candidate.header).toContainText('Confirmed');
  await registry.goto(app.url);
  await expect(registry.agentCount()).toHaveText('16 agents');
});

test('loading the app and its main pages writes no error or warning to the console', async ({ app, page }) => {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Dispute Resolution Assistant');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.openCandidate('disputes-agent');
  await page.reload();
  await page.getByRole('heading', { name: 'disputes-agent', level: 1 }).waitFor();
  expect(messages).toEqual([]);
  expect(failed).toEqual([]);
});

/** The text colour of `selector` against the first opaque background behind it, as rendered (WCAG 2 ratio). */
async function renderedContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let behind: Element | null = el;
    let background = 'rgba(0, 0, 0, 0)';
    while (behind) {
      background = getComputedStyle(behind).backgroundColor;
      const alpha = rgb(background)[3];
      if (alpha === undefined || alpha === 1) break;
      behind = behind.parentElement;
    }
    const [hi, lo] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(background))].sort((a, b) => b - a) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`helper text, faint text and the primary button are at least 4.5:1 in the ${colorScheme} theme`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme });
    const registry = new RegistryPage(page);
    await registry.goto(app.url);
    expect(await renderedContrast(page, '.button--primary'), 'New agent button').toBeGreaterThanOrEqual(4.5);
    expect(await renderedContrast(page, '.sidebar__version'), 'sidebar version (faint text)').toBeGreaterThanOrEqual(4.5);
    await registry.openAgent('Chargeback Evidence Collector');
    await new AgentPage(page).edit();
    expect(await renderedContrast(page, '.badge--danger'), 'No owner flag').toBeGreaterThanOrEqual(4.5);
    await page.getByLabel('Owner name', { exact: true }).fill('Hana Kobayashi');
    expect(await renderedContrast(page, '.form-section__hint'), 'section hint').toBeGreaterThanOrEqual(4.5);
    expect(await renderedContrast(page, '.field__hint'), 'field hint').toBeGreaterThanOrEqual(4.5);
    expect(await renderedContrast(page, '.agent-form__actions .button--primary'), 'Save').toBeGreaterThanOrEqual(4.5);
  });
}

test('screenshots of the agent and candidate pages at 1440x900 and 1024x700', async ({ app, page }) => {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    const registry = new RegistryPage(page);
    await registry.goto(app.url);
    await page.screenshot({ path: `/tmp/atw-shots/registry-${width}x${height}.png` });
    await registry.openAgent('Chargeback Evidence Collector');
    await page.screenshot({ path: `/tmp/atw-shots/agent-profile-${width}x${height}.png` });
    await new AgentPage(page).edit();
    await page.getByLabel('Owner name', { exact: true }).fill('Hana Kobayashi');
    await page.screenshot({ path: `/tmp/atw-shots/agent-${width}x${height}.png` });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Discovery' }).click();
    await page.screenshot({ path: `/tmp/atw-shots/agent-leave-${width}x${height}.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
    const discovery = new DiscoveryPage(page);
    await page.getByRole('heading', { name: 'Discovery', level: 1 }).waitFor();
    await page.screenshot({ path: `/tmp/atw-shots/queue-${width}x${height}.png` });
    await discovery.openCandidate('treasury-cash-forecaster');
    await expect(page.getByRole('note')).toBeVisible();
    await page.screenshot({ path: `/tmp/atw-shots/candidate-${width}x${height}.png` });
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: `/tmp/atw-shots/candidate-proposal-${width}x${height}.png` });
    await page.keyboard.press('Escape');
  }
});
