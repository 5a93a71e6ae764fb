import type { Locator, Page } from '@playwright/test';

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/** The one "Import files" dialog: cloud IAM exports, the registry and advisories, several files at once. */
export class FileImportDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly importButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  /** The records listed once the import succeeded. */
  readonly importedFiles: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import files' });
    this.fileInput = this.dialog.getByLabel('Files to import');
    this.importButton = this.dialog.getByRole('button', { name: /^Import( \d+ files)?$/ });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel import' });
    this.progress = this.dialog.getByRole('progressbar', { name: 'Import progress' });
    this.importedFiles = this.dialog.getByRole('table', { name: 'Imported files' });
    this.history = this.dialog.getByRole('table', { name: 'Imports in this workspace' });
  }

  /** From the sidebar (any page once a workspace is open). */
  async openFromSidebar(): Promise<void> {
    await this.page.getByRole('complementary').getByRole('button', { name: 'Import files…' }).click();
    await this.dialog.waitFor();
  }

  /** From the workspace menu in the top bar. */
  async openFromWorkspaceMenu(): Promise<void> {
    await this.page.getByRole('button', { name: 'Workspace' }).click();
    await this.page.getByRole('menuitem', { name: /^Import files…/ }).click();
    await this.dialog.waitFor();
  }

  /** Chooses the files and waits for their previews (or the error saying why there is none). */
  async choose(files: string | string[] | FilePayload | FilePayload[]): Promise<void> {
    await this.fileInput.setInputFiles(files);
    await this.dialog.getByRole('status').filter({ hasText: 'Reading and checking' }).waitFor({ state: 'detached' });
  }

  /** One file's preview: format label, scope, counts, errors, warnings, "replaces". */
  preview(fileName: string): Locator {
    return this.dialog.getByRole('region', { name: fileName, exact: true });
  }

  /** The count of one kind ("roles", "bindings", ...) in one file's preview. */
  count(fileName: string, kind: string): Locator {
    return this.preview(fileName)
      .getByRole('table', { name: `What ${fileName} contains` })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) })
      .getByRole('cell')
      .nth(1);
  }

  errors(fileName: string): Locator {
    return this.preview(fileName).getByRole('table', { name: `Errors in ${fileName}` });
  }

  warnings(fileName: string): Locator {
    return this.preview(fileName).getByRole('table', { name: `Warnings in ${fileName}` });
  }

  /** Imports and waits for the job to end (success lists the records; failure shows the message). */
  async import(): Promise<void> {
    await this.importButton.click();
    await this.dialog.getByRole('button', { name: 'Open blast radius' }).or(this.dialog.getByText(/^(The import failed|Import cancelled)/)).first().waitFor({ timeout: 120_000 });
  }

  /** Many warnings are folded away under a summary; this opens them. */
  async expandWarnings(fileName: string): Promise<void> {
    await this.preview(fileName).getByText(/^\d+ warnings/).click();
  }

  async openBlastRadius(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Open blast radius' }).click();
    await this.page.getByRole('heading', { name: 'Blast radius', level: 1 }).waitFor();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  }

  /** From the Inventory page's Import… button (also in its empty state). */
  async openFromInventory(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Import…' }).click();
    await this.dialog.waitFor();
  }

  /** A registry file's rows, one per spreadsheet row: row number, agent, action, details (match, changes, warnings, errors). */
  rows(fileName: string): Locator {
    return this.preview(fileName).getByRole('table', { name: 'What each row does' });
  }

  /** The preview row of spreadsheet row `rowNumber`. */
  row(fileName: string, rowNumber: number): Locator {
    return this.rows(fileName)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(rowNumber), exact: true }) });
  }

  /** The explicit choice to leave out a registry file's rows with errors. */
  skipChoice(fileName: string): Locator {
    return this.preview(fileName).getByRole('checkbox', { name: /^Skip the .* with errors/ });
  }

  /** One of a registry file's totals ("To create", "Warnings", "With errors", ...). */
  total(fileName: string, label: string): Locator {
    return this.preview(fileName).getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  }
}
