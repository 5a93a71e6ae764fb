import { AgentPage } from './page-models/agent-page';
import { RegistryPage } from './page-models/registry-page';
import { TriagePage } from './page-models/triage-page';
import { TriageRegister } from './page-models/triage-register';
import { expect, test } from './support/web-app';

const SIZES = [
  [1440, 900],
  [1024, 700],
] as const;

test('an agent opens on its profile: the answer card with its gaps, evidence one click away, Edit saves a field the profile then shows', async ({ app, page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Chargeback Evidence Collector');
  const agent = new AgentPage(page);

  // Read view first: no form, the four questions, the missing owner in red.
  await expect(agent.answerCard).toBeVisible();
  await expect(agent.field('Owner name')).toHaveCount(0);
  const owner = agent.answer('Who owns it?');
  await expect(owner).toContainText('Not answered');
  await expect(owner.getByRole('list', { name: 'Gaps in: Who owns it?' })).toContainText('Nobody is named as owner.');
  await expect(agent.answer('How would you know within five minutes if it went wrong?').getByRole('list', { name: /^Gaps in/ })).toContainText('No owner to notify');
  await expect(agent.answerCard).toContainText(/[0-3] of 4 answered/);
  await expect(agent.section('What fails')).toContainText('Owner is a person');
  await expect(agent.section('What fails').getByRole('link', { name: 'Open the checklist' })).toHaveAttribute('href', /^#\/triage\/.+/);
  await expect(agent.section('What to do next').getByRole('listitem').first()).toBeVisible();

  // The evidence behind an answer, one click away.
  const access = agent.answer('What can it access?');
  await access.getByRole('button', { name: /^Show evidence/ }).click();
  await expect(access.getByRole('list', { name: 'Evidence for What can it access?' })).toContainText('registry: payments-prod.transactions: read');
  await access.getByRole('button', { name: 'Hide evidence' }).click();
  await expect(access.getByRole('list', { name: 'Evidence for What can it access?' })).toHaveCount(0);

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/profile-shots/profile-${width}x${height}.png` });
    await agent.answerCard.screenshot({ path: `/tmp/profile-shots/answer-card-${width}x${height}.png` });
    // The page scrolls inside the app's frame: each part is brought into view for its picture.
    for (const part of ['What to do next', 'What fails', 'Untrusted exposure', 'What it can reach']) {
      await agent.section(part).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/profile-shots/profile-${part.toLowerCase().replaceAll(' ', '-')}-${width}x${height}.png` });
    }
    await agent.answerCard.scrollIntoViewIfNeeded();
  }

  // Edit, save, back to the profile: the owner is now answered.
  await agent.edit();
  await agent.field('Owner name').fill('Hana Kobayashi');
  await agent.field('Owner email').fill('hana.kobayashi@northwindpay.example');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/profile-shots/edit-${width}x${height}.png` });
  }
  await agent.save();
  await agent.viewProfile();
  await expect(agent.answer('Who owns it?')).toContainText('Answered');
  await expect(agent.answer('Who owns it?')).toContainText('Hana Kobayashi <hana.kobayashi@northwindpay.example>');
  await expect(page.getByRole('definition').filter({ hasText: 'Hana Kobayashi' })).toBeVisible();
  await expect(agent.leaveDialog()).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('leaving the form for the profile with unsaved edits asks first', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Treasury Cash Forecaster');
  const agent = new AgentPage(page);
  await agent.edit();
  await agent.field('Vendor').fill('internal (treasury)');
  await page.getByRole('link', { name: 'View profile' }).click();
  await expect(agent.leaveDialog()).toBeVisible();
  await agent.leaveDialog().getByRole('button', { name: 'Save' }).click();
  await expect(agent.section('What it is')).toContainText('internal (treasury)');
});

test('the Triage page gives the done measure and the irreversible actions register, each row linked to its profile', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const triage = new TriagePage(page);
  await triage.open();
  const register = new TriageRegister(page);
  await expect(register.doneMeasure).toHaveAttribute('aria-valuetext', /^\d+ of 15 agents have all four answers$/);
  await expect(page.getByText(/^\d+ of 15 agents have all four answers$/)).toBeVisible();

  await register.open();
  expect(page.url()).toContain('#/triage?view=irreversible');
  await expect(register.rows().first()).toContainText('Unreviewed');
  const kyc = register.rows().filter({ hasText: 'KYC Document Reviewer' });
  await expect(kyc).toContainText('Production write');
  await expect(kyc).toContainText('onboarding-prod.kyc_checks: write');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/profile-shots/register-${width}x${height}.png` });
  }

  // The filter matches agents, owners and actions: "kyc" finds the reviewer and the optimiser that can administer its table.
  await register.filter.fill('kyc');
  await expect(register.rows()).toHaveCount(2);
  await register.filter.fill('KYC Document');
  await expect(register.rows()).toHaveCount(1);
  await register.status.selectOption('reviewed-in-code');
  await expect(register.table).toHaveCount(0);
  await expect(page.getByText('No action matches the filter.')).toBeVisible();
  await register.status.selectOption('all');

  // A reload keeps the register; the row opens the agent's profile with the same action.
  await page.reload();
  await register.table.waitFor();
  await register.rows().filter({ hasText: 'KYC Document Reviewer' }).getByRole('link', { name: 'KYC Document Reviewer' }).click();
  const agent = new AgentPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'KYC Document Reviewer' })).toBeVisible();
  await expect(agent.section('Irreversible actions')).toContainText('onboarding-prod.kyc_checks: write');
  await expect(agent.section('Irreversible actions')).toContainText('Unreviewed');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await agent.section('Irreversible actions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/profile-shots/kyc-profile-${width}x${height}.png` });
  }
});
