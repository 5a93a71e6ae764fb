import type { Locator, Page } from '@playwright/test';

/** The Triage page: the priority list and one agent's checklist with its Attest dialog. */
export class TriagePage {
  readonly heading: Locator;
  readonly priorityList: Locator;
  readonly attestDialog: Locator;
  readonly matrix: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Triage', level: 1 });
    this.priorityList = page.getByRole('grid', { name: 'Priority list' });
    this.attestDialog = page.getByRole('dialog');
    this.matrix = page.getByRole('figure', { name: 'Risk matrix' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Triage' }).click();
    await this.heading.waitFor();
  }

  /** Data rows of the priority list (header excluded). */
  rows(): Locator {
    return this.priorityList.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The matrix's points, one per agent (recharts draws each as a .recharts-scatter-symbol). */
  matrixPoints(): Locator {
    return this.matrix.locator('.recharts-scatter-symbol');
  }

  async openAgent(name: string): Promise<void> {
    await this.rows().filter({ hasText: name }).first().click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }

  /** A checklist item by its title. */
  item(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 4, name: title, exact: true }) });
  }

  async attest(title: string, status: 'Done' | 'Not done' | 'Not applicable' | 'Withdraw', note?: string): Promise<void> {
    await this.item(title).getByRole('button', { name: `Attest ${title}…` }).click();
    await this.attestDialog.getByRole('radio', { name: new RegExp(`^${status}`) }).check();
    if (note !== undefined) await this.attestDialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await this.attestDialog.getByRole('button', { name: status === 'Withdraw' ? 'Withdraw' : 'Save attestation' }).click();
    await this.attestDialog.waitFor({ state: 'detached' });
  }
}
