import type { Page } from '@playwright/test';

/** The workspace menu in the top bar: New, Open, Save As, Recent, Open demo, Reset demo. */
export class WorkspaceMenu {
  constructor(readonly page: Page) {}

  async choose(item: 'New…' | 'Open…' | 'Save As…' | 'Open demo' | 'Reset demo…'): Promise<void> {
    await this.page.getByRole('button', { name: 'Workspace' }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Opens or creates a workspace through the path dialog of the web host. */
  async submitPath(item: 'New…' | 'Open…' | 'Save As…', path: string, submit: string): Promise<void> {
    await this.choose(item);
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Workspace file path').fill(path);
    await dialog.getByRole('button', { name: submit, exact: true }).click();
  }
}
