import type { Locator, Page } from '@playwright/test';

/** The Discovery page (folders to scan, the review queue, rules) and one candidate's page. */
export class DiscoveryPage {
  readonly folderField: Locator;
  readonly scanButton: Locator;
  readonly cancelButton: Locator;
  readonly scanFinished: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.folderField = page.getByLabel('Folder to scan');
    this.scanButton = page.getByRole('button', { name: 'Scan', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel scan' });
    this.scanFinished = page.getByRole('region', { name: 'Scan finished' });
    this.search = page.getByRole('searchbox', { name: 'Search candidates' });
  }

  /** From anywhere in the app, through the sidebar. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Discovery' }).click();
    await this.page.getByRole('heading', { name: 'Discovery', level: 1 }).waitFor();
  }

  async addFolder(path: string): Promise<void> {
    await this.folderField.fill(path);
    await this.page.getByRole('button', { name: 'Add folder' }).click();
    await this.page.getByRole('list', { name: 'Folders to scan' }).getByText(path, { exact: true }).waitFor();
  }

  /** Scans the listed folders and waits for the per-folder summary. */
  async scan(): Promise<void> {
    await this.scanButton.click();
    await this.scanFinished.waitFor({ timeout: 60_000 });
  }

  async showDecision(decision: 'Pending' | 'Confirmed' | 'Dismissed' | 'Merged' | 'All'): Promise<void> {
    await this.page.getByRole('group', { name: 'Decision' }).getByRole('radio', { name: decision, exact: true }).check();
  }

  /** One group of the queue: 'Kubernetes CronJobs', 'CI jobs', 'MCP client configs'... */
  group(heading: string): Locator {
    return this.page.getByRole('grid', { name: heading, exact: true });
  }

  /** Data rows of every group. */
  rows(): Locator {
    return this.page.getByRole('grid').getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The queue row of a candidate, by its exact name (the name cell also holds badges such as New). */
  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByTitle(name, { exact: true }) });
  }

  async openCandidate(name: string): Promise<CandidatePage> {
    await this.row(name).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    return new CandidatePage(this.page);
  }
}

export class CandidatePage {
  readonly header: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header', { has: page.getByRole('heading', { level: 1 }) });
  }

  /** A section of findings: 'Trigger', 'LLM use', 'Capabilities', 'Credentials'... */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${title}\\b`) });
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await this.page.getByRole('link', { name: 'Open in registry' }).waitFor();
  }

  async dismiss(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Dismiss candidate' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async backToQueue(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Discovery' }).click();
    await this.page.getByRole('heading', { name: 'Discovery', level: 1 }).waitFor();
  }
}
