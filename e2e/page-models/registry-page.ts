import { expect, type Locator, type Page } from '@playwright/test';

/** The Inventory (agent registry) page as a user sees it. */
export class RegistryPage {
  readonly grid: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid');
    this.search = page.getByRole('searchbox', { name: 'Search agents' });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
  }

  /** Data rows (the header row is excluded). */
  dataRows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The row whose name cell is exactly `name`, or starts with it when it is long and clipped. */
  row(name: string): Locator {
    return this.dataRows().filter({ has: this.page.getByRole('gridcell', { name, exact: true }) });
  }

  async openAgent(name: string): Promise<void> {
    // A list still loading (re-read after an import, re-ranked by risk) may move the row under the click.
    await expect(this.grid).not.toHaveAttribute('aria-busy', 'true');
    await this.row(name).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  agentCount(): Locator {
    return this.page.getByText(/^\d+ agents?$/);
  }
}
