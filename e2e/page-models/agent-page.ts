import type { Locator, Page } from '@playwright/test';

/** One agent: its profile (the read view, opened first) and the registry form behind Edit, with its completeness and audit log. */
export class AgentPage {
  readonly auditLog: Locator;
  readonly answerCard: Locator;

  constructor(readonly page: Page) {
    // The same card in the profile's side column and beside the edit form.
    this.auditLog = page.getByRole('region', { name: 'Audit log' });
    this.answerCard = page.getByRole('region', { name: 'Answer card' });
  }

  /** From the profile to the registry form. */
  async edit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await this.actionBar().waitFor();
  }

  /** From the form back to the profile (asked first when edits are unsaved). */
  async viewProfile(): Promise<void> {
    await this.page.getByRole('link', { name: 'View profile' }).click();
    await this.answerCard.waitFor();
  }

  /** One of the four questions on the answer card, by its question. */
  answer(question: string): Locator {
    return this.answerCard.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: question, exact: true }) });
  }

  /** A titled part of the profile: "What fails", "What to do next", "Irreversible actions", ... */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
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
