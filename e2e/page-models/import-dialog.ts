import type { Locator, Page } from '@playwright/test';

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/** The "Import registry" dialog: choose a file, read its preview, choose to skip bad rows, import. */
export class ImportDialog {
  readonly dialog: Locator;
  /** One row per spreadsheet row: row number, agent, action, details (match, changes, warnings, errors). */
  readonly rows: Locator;
  readonly skipChoice: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import registry' });
    this.rows = this.dialog.getByRole('table', { name: 'What each row does' });
    this.skipChoice = this.dialog.getByRole('checkbox', { name: /^Skip the .* with errors/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await this.dialog.waitFor();
  }

  async choose(file: string | FilePayload): Promise<void> {
    await this.dialog.getByLabel('Registry file (CSV or XLSX)').setInputFiles(file);
  }

  /** The preview row of spreadsheet row `rowNumber`. */
  row(rowNumber: number): Locator {
    return this.rows.getByRole('row').filter({ has: this.page.getByRole('cell', { name: String(rowNumber), exact: true }) });
  }

  importButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Import( \d+ agents?)?$/ });
  }

  total(label: string): Locator {
    return this.dialog.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  }
}
