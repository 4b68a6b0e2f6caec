import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, settled, shoot, VIEWPORTS } from './support/session.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';

/**
 * A creator on a phone questions a commission from an order line's receipt (a money dispute), the campaign's agency
 * answers it and resolves it for the creator with an adjustment, and the creator's receipt — still open — shows the
 * adjustment posting with the dispute as its reason, live, without a reload. The inbox shows the agency's deadline
 * first; the seller never sees this dispute (no party to a commission between agency and creator).
 */

const CREATOR_EMAIL = 'creator@demo.test';
const AGENCIES: Record<string, string> = { 'Northstar Partners': 'agency@demo.test', 'Lumen Collective': 'agency2@demo.test' };

async function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true } : { viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  return page;
}

async function snap(page: Page, name: string) {
  await settled(page);
  const close = page.locator('.mantine-Notification-root button');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++) await close.first().click({ timeout: 2_000 }).catch(() => undefined);
  await shoot(page, name);
}

test('a creator disputes a commission on a phone; the agency answers and resolves it; the receipt shows it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const creator = await signIn(browser, CREATOR_EMAIL, true);
  await creator.goto('/creator/earnings/orders');
  const lines = creator.getByTestId('creator-order-line');
  await expect(lines.first()).toBeVisible({ timeout: 30_000 });
  const settledLines = lines.filter({ has: creator.locator('[data-status="SETTLED"]') });
  await ((await settledLines.count()) > 0 ? settledLines.first() : lines.first()).click();
  const receipt = creator.getByRole('dialog', { name: 'Commission receipt' });
  await expect(receipt.getByTestId('order-receipt')).toBeVisible();
  const header = await receipt.getByTestId('order-receipt').innerText();
  const agencyName = Object.keys(AGENCIES).find((name) => header.includes(name));
  expect(agencyName, 'the line names its agency').toBeTruthy();

  // --- the creator opens the dispute from the receipt; an empty message is refused at its field first
  await receipt.getByRole('button', { name: 'Question this commission' }).click();
  const form = receipt.getByTestId('line-dispute-form');
  await form.getByRole('textbox', { name: 'Amount you ask for (THB, optional)' }).fill('5.00');
  await form.getByRole('button', { name: 'Open dispute' }).click();
  const why = form.getByRole('textbox', { name: 'Tell the agency why' });
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(why).toHaveAccessibleDescription('Write a message');
  await why.fill('The offer said 12% but this line was paid at a lower rate.');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-dispute-form-phone');
  await form.getByRole('button', { name: 'Open dispute' }).click();
  await expect(receipt.getByTestId('dispute-opened')).toBeVisible();

  // --- the agency answers, then resolves it for the creator with an adjustment
  const agency = await signIn(browser, AGENCIES[agencyName!]!);
  await agency.getByRole('link', { name: 'Disputes' }).click();
  const card = agency.getByTestId('dispute-card').filter({ hasText: 'The offer said 12%' });
  await expect(card).toHaveAttribute('data-status', 'OPEN');
  await expect(card.getByTestId('dispute-deadline')).toContainText('Agency answers by');
  await card.getByRole('textbox', { name: 'Reply' }).fill('Checking the rate on our side.');
  await card.getByRole('button', { name: 'Send' }).click();
  await expect(card).toHaveAttribute('data-status', 'ANSWERED');
  await expect(card.getByTestId('dispute-thread')).toContainText('Checking the rate on our side.');
  await snap(agency, 'agency-dispute-inbox-desktop');
  await card.getByRole('textbox', { name: 'Decision note' }).fill('Right: the 12% offer applies. Adjusted.');
  await card.getByRole('textbox', { name: /^Adjustment/ }).fill('4.50');
  await card.getByRole('button', { name: 'Resolve for the claimant' }).click();
  await expect(agency.getByTestId('dispute-card').filter({ hasText: 'The offer said 12%' })).toHaveCount(0); // left the open list

  // --- the creator's receipt (still open, no reload) shows the adjustment posting
  const posting = receipt.getByTestId('receipt-postings').getByText(/^Dispute #\d+ resolved for the creator/);
  await expect(posting).toBeVisible();
  await expect(posting).toContainText('4.50 THB');
  await posting.scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-receipt-dispute-phone');

  // --- the creator's inbox: the closed dispute with the decision
  await receipt.getByRole('button', { name: 'Close receipt' }).click();
  await creator.goto('/creator/disputes');
  await creator.getByText('Closed', { exact: true }).click();
  const closed = creator.getByTestId('dispute-card').filter({ hasText: 'The offer said 12%' });
  await expect(closed).toHaveAttribute('data-status', 'RESOLVED');
  await expect(closed.getByTestId('dispute-outcome')).toContainText('credited to the creator');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-disputes-phone');
  await agency.context().close();
  await creator.context().close();
});
