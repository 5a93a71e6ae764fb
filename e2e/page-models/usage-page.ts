import type { Download, Locator, Page } from '@playwright/test';

type UsageTabName = 'Overview' | 'Keys' | 'Prices' | 'Budgets';

/** The Usage & cost page: overview (figures, chart, top spenders), keys, prices and budgets. */
export class UsagePage {
  readonly heading: Locator;
  readonly figures: Locator;
  readonly chart: Locator;
  readonly legend: Locator;
  readonly topSpenders: Locator;
  readonly keysTable: Locator;
  readonly pricesTable: Locator;
  readonly budgetsTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Usage & cost', level: 1 });
    this.figures = page.getByRole('region', { name: 'Headline figures' });
    this.chart = page.locator('.usage-chart .recharts-surface').first();
    this.legend = page.getByRole('list', { name: 'Series, with their totals over the period' });
    this.topSpenders = page.getByRole('grid', { name: /^Top spenders by/ });
    this.keysTable = page.getByRole('table', { name: 'Keys in the usage' });
    this.pricesTable = page.getByRole('table', { name: 'Model prices' });
    this.budgetsTable = page.getByRole('table', { name: 'Budgets per agent' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Usage & cost' }).click();
    await this.heading.waitFor();
  }

  async tab(name: UsageTabName): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Usage views' }).getByRole('tab', { name }).click();
  }

  /** One headline figure's value, by its label ("Total spend", "Tokens", "Requests", "Unattributed", "Keys"). */
  figure(label: string): Locator {
    return this.figures.locator('.usage-figure').filter({ has: this.page.getByText(label, { exact: true }) }).locator('.usage-figure__value');
  }

  async breakDownBy(dimension: 'Agent' | 'Feature' | 'User' | 'Session' | 'Model' | 'Key' | 'Provider'): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Break usage down by' }).getByRole('tab', { name: dimension, exact: true }).click();
  }

  keyRows(): Locator {
    return this.keysTable.locator('tbody tr');
  }

  budgetRow(agentName: string): Locator {
    return this.budgetsTable.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: agentName, exact: true }) });
  }

  async setBudget(agentName: string, caps: { tokens: string; costUsd: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Edit the budget of ${agentName}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Daily budget of ${agentName}` });
    await dialog.getByLabel('Daily token cap').fill(caps.tokens);
    await dialog.getByLabel('Daily cost cap (USD)').fill(caps.costUsd);
    await dialog.getByRole('button', { name: 'Save budget' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async exportBudgets(which: 'Export LiteLLM config' | 'Export JSON'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: which }).click()]);
    return download;
  }
}
