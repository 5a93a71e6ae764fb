import type { Locator, Page } from '@playwright/test';

/** The Triage page's done measure and its irreversible actions register. */
export class TriageRegister {
  readonly doneMeasure: Locator;
  readonly table: Locator;
  readonly filter: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.doneMeasure = page.getByRole('meter', { name: 'Agents with all four answers' });
    this.table = page.getByRole('table', { name: 'Irreversible actions register' });
    this.filter = page.getByRole('searchbox', { name: 'Filter actions' });
    this.status = page.getByLabel('Review status', { exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Irreversible actions' }).click();
    await this.table.waitFor();
  }

  /** Data rows (the header row excluded). */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
}
