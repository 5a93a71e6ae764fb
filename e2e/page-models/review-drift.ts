import type { Locator, Page } from '@playwright/test';

/** The agent page's review panel ("Mark reviewed") and its drift card ("Changes since last review"). */
export class ReviewDrift {
  readonly panel: Locator;
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Review', exact: true });
    this.card = page.getByRole('region', { name: /^Changes since last review/ });
  }

  async markReviewed(note: string): Promise<void> {
    await this.panel.getByLabel('Review note (optional)').fill(note);
    await this.panel.getByRole('button', { name: 'Mark reviewed' }).click();
  }

  /** The changes listed under one group ("Write access", "Credentials", ...). */
  group(title: string): Locator {
    return this.card.getByRole('list', { name: title, exact: true });
  }
}
