import type { Locator, Page } from '@playwright/test';

/** One agent's registry record, its completeness and its audit log. */
export class AgentPage {
  readonly auditLog: Locator;

  constructor(readonly page: Page) {
    this.auditLog = page.getByRole('complementary', { name: 'Registry status' });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByRole('button', { name: 'Save' }).and(this.page.locator('[disabled]')).waitFor();
  }
}
