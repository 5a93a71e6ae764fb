import type { Download, Locator, Page } from '@playwright/test';

/** The Exports page: one row per format with who uses it and a download button. */
export class ExportsPage {
  readonly heading: Locator;
  readonly formats: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Exports', level: 1 });
    this.formats = page.getByRole('list', { name: 'Export formats' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exports' }).click();
    await this.heading.waitFor();
  }

  /** A format's row, by its label ("SARIF 2.1.0 findings"). */
  format(label: string): Locator {
    return this.formats.getByRole('listitem', { name: label });
  }

  async download(label: string, button: RegExp): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.format(label).getByRole('button', { name: button }).click()]);
    return download;
  }
}
