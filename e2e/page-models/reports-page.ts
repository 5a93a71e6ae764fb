import type { Locator, Page } from '@playwright/test';

/** The Reports page: section checkboxes, the cover form, Export PDF with its progress, and the preview. */
export class ReportsPage {
  readonly heading: Locator;
  readonly preview: Locator;
  readonly exportButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Reports', level: 1 });
    this.preview = page.getByRole('region', { name: 'Preview' });
    this.exportButton = page.getByRole('button', { name: 'Export PDF' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
    await this.heading.waitFor();
  }

  section(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }

  /** A section of the previewed report, by its title. */
  previewSection(label: string): Locator {
    return this.preview.getByRole('region', { name: label });
  }
}
