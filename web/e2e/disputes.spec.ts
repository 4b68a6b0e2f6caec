import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { DESKTOP, PHONE, signedInPage, snap } from './support/story.ts';

/**
 * A creator on a phone reports a missing order from its orders (product, order number and date, the commission it
 * asks for, a message); the campaign's agency answers it and resolves it for the creator with a credit; the
 * creator's report — still on screen — shows the answer, then the decision and the credit, live, without a reload.
 *
 * A creator on a phone questions a commission from an order line's receipt (a money dispute), the campaign's agency
 * answers it and resolves it for the creator with an adjustment, and the creator's receipt — still open — shows the
 * adjustment posting with the dispute as its reason, live, without a reload. The inbox shows the agency's deadline
 * first; the seller never sees this dispute (no party to a commission between agency and creator).
 */

const CREATOR_EMAIL = 'creator@demo.test';
const AGENCIES: Record<string, string> = { 'Northstar Partners': 'agency@demo.test', 'Lumen Collective': 'agency2@demo.test' };

function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  return signedInPage(browser, email, phone ? PHONE : DESKTOP);
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

test('a creator reports a missing order on a phone; the agency answers and credits it; the report shows it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const creator = await signIn(browser, CREATOR_EMAIL, true);
  await creator.goto('/creator/earnings/orders');
  await creator.getByRole('button', { name: 'Report a missing order' }).click();
  const sheet = creator.getByRole('dialog', { name: 'Report a missing order' });
  const form = sheet.getByTestId('missing-order-form');

  // --- nothing filled in: each field says what it needs, and nothing is sent
  await form.getByRole('button', { name: 'Send to the agency' }).click();
  await expect(form.getByRole('textbox', { name: 'Order number' })).toHaveAccessibleDescription('Enter the order number');
  await expect(form.getByRole('textbox', { name: 'Tell the agency what happened' })).toHaveAccessibleDescription('Write a message');

  await expect(form.getByRole('combobox', { name: 'Product' })).toHaveAccessibleDescription('Choose the product');
  await form.getByRole('combobox', { name: 'Product' }).click();
  await creator.getByRole('option').first().click();
  const orderNumber = `TH-${Date.now() % 1_000_000}`;
  await form.getByRole('textbox', { name: 'Order number' }).fill(orderNumber);
  const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Order date').fill(day);
  await form.getByRole('textbox', { name: /^Commission you ask for/ }).fill('2.50');
  await form.getByRole('textbox', { name: 'Tell the agency what happened' }).fill('My follower ordered through my link and sent me the receipt.');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-missing-order-form-phone');
  await form.getByRole('button', { name: 'Send to the agency' }).click();
  await expect(sheet).toBeHidden();
  await expect(creator.getByTestId('missing-order-sent')).toBeVisible();
  const report = creator.getByTestId('missing-order-reports').getByTestId('dispute-card').filter({ hasText: orderNumber });
  await expect(report).toHaveAttribute('data-status', 'OPEN');
  const header = await report.innerText();
  const agencyName = Object.keys(AGENCIES).find((name) => header.includes(name));
  expect(agencyName, 'the report names its agency').toBeTruthy();

  // --- the agency answers, then resolves it for the creator with a credit
  const agency = await signIn(browser, AGENCIES[agencyName!]!);
  await agency.getByRole('link', { name: 'Disputes' }).click();
  const card = agency.getByTestId('dispute-card').filter({ hasText: orderNumber });
  await expect(card).toHaveAttribute('data-status', 'OPEN');
  await card.getByRole('textbox', { name: 'Reply' }).fill('The shop confirms the order; its feed missed it.');
  await card.getByRole('button', { name: 'Send' }).click();
  await expect(card).toHaveAttribute('data-status', 'ANSWERED');
  await expect(report).toHaveAttribute('data-status', 'ANSWERED'); // the creator's report follows, live
  await expect(report.getByTestId('dispute-thread')).toContainText('The shop confirms the order');
  await card.getByRole('textbox', { name: 'Decision note' }).fill('Confirmed with the shop: credited.');
  await expect(card.getByRole('textbox', { name: /^Adjustment/ })).toHaveValue('2.50');
  await card.getByRole('button', { name: 'Resolve for the claimant' }).click();
  await expect(agency.getByTestId('dispute-card').filter({ hasText: orderNumber })).toHaveCount(0); // left the open list

  // --- the creator's report (no reload) shows the decision and the credit
  await expect(report).toHaveAttribute('data-status', 'RESOLVED');
  await expect(report.getByTestId('dispute-outcome')).toContainText('Confirmed with the shop: credited.');
  await expect(report.getByTestId('dispute-outcome')).toContainText('credited to the creator');
  await expect(report.getByTestId('dispute-outcome')).toContainText('2.50');
  await report.scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-missing-order-resolved-phone');
  await agency.context().close();
  await creator.context().close();
});
