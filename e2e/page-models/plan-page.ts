import type { Locator, Page } from '@playwright/test';

/** The Plan page: day 0, progress per phase, the burn-up and the tasks by phase. */
export class PlanPage {
  readonly heading: Locator;
  readonly phases: Locator;
  readonly burnUp: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Plan', level: 1 });
    this.phases = page.getByRole('list', { name: 'Progress per phase' });
    this.burnUp = page.getByRole('figure', { name: 'Burn-up' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Plan' }).click();
    await this.heading.waitFor();
  }

  /** One phase's card, by the start of its label ("Step 0", "Days 1-30"). */
  phase(labelStart: string): Locator {
    return this.phases.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${labelStart}`) }) });
  }

  /** "12/40 done" of a phase, as numbers. */
  async phaseDone(labelStart: string): Promise<{ done: number; total: number }> {
    const text = (await this.phase(labelStart).getByText(/^\d+\/\d+ done$/).textContent()) ?? '';
    const [, done, total] = /^(\d+)\/(\d+) done$/.exec(text.trim()) ?? [];
    return { done: Number(done), total: Number(total) };
  }

  /** The burn-up's last point as its caption states it: "Burn-up: 3 of 200 tasks done by …". */
  async burnUpDone(): Promise<{ done: number; scope: number }> {
    const text = (await this.burnUp.getByText(/^Burn-up: \d+ of \d+ tasks done/).textContent()) ?? '';
    const [, done, scope] = /^Burn-up: (\d+) of (\d+)/.exec(text.trim()) ?? [];
    return { done: Number(done), scope: Number(scope) };
  }

  /** A task's row: its item title and agent name. */
  task(title: string, agentName: string): Locator {
    return this.page.getByRole('row', { name: `${title} for ${agentName}`, exact: true });
  }
}
