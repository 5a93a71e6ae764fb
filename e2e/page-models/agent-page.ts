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

  /** The Save / Discard / Stay question asked before unsaved edits would be left behind. */
  leaveDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Save your changes?' });
  }

  /** The form's own action bar (after the last field, stuck to the bottom of the view). */
  actionBar(): Locator {
    return this.page.getByRole('group', { name: 'Save or cancel' });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByRole('button', { name: 'Save' }).and(this.page.locator('[disabled]')).waitFor();
  }
}
