import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { DESKTOP, PHONE, signedInPage, snap } from './support/story.ts';

/**
 * Money screens over the demo world: the agency's performance tab of "Glow Up Beauty Month" (tiles, chart, the
 * product table and a product's creator collaborations), its orders with a receipt; the seller's product-level
 * performance; and the payout story on a phone — a creator submits tax info (a server userError lands at its field
 * first), the operator approves it, the creator sees the approval live and links a bank account (only its last
 * four digits come back), then opens an order line's receipt, which shows only its own share.
 *
 * The demo world's order history moves with the clock, so nothing here depends on exact figures.
 */

const CAMPAIGN = 'Glow Up Beauty Month';
// A Thai creator with order history (server/demo/orders.py) and no tax info in a fresh demo world.
const CREATOR_EMAIL = 'creator@demo.test';
const CREATOR_NAME = 'Ploy | Beauty Diary';
const TAX_ID = '1-2345-67890-12-1'; // its check digit holds
const ACCOUNT_NUMBER = '123-4-56789-0';

function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  return signedInPage(browser, email, phone ? PHONE : DESKTOP);
}



/** A SegmentedControl option by its exact label. */
function segment(scope: Page | Locator, label: string): Locator {
  return scope.locator('label').filter({ hasText: new RegExp(`^${label}$`) });
}

test('the agency sees a campaign’s performance: tiles, chart, products and creator collaborations', async ({ browser }) => {
  test.setTimeout(90_000);
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(agency).toHaveURL(/\/agency\/campaigns$/);
  await agency.getByRole('link', { name: CAMPAIGN, exact: true }).click();
  await agency.getByRole('tab', { name: 'Performance' }).click();

  // Overview tiles: every figure of the overview, with the split (agency only).
  const tiles = agency.getByTestId('performance-tiles');
  await expect(tiles.getByTestId('metric-tile')).toHaveCount(8);
  for (const label of ['Products registered', 'Creators collaborating', 'Samples requested', 'Paid orders', 'GMV (estimated)', 'Seller-paid commission', 'Creator commission', 'Agency commission']) {
    await expect(tiles.locator(`[data-metric="${label}"]`)).toBeVisible();
  }
  await expect(tiles.locator('[data-metric="GMV (estimated)"]').getByTestId('metric-value')).toHaveText(/^฿[\d,]+\.\d{2}$/);

  // The chart over the whole campaign, in the market's days; the demo world has paid orders in it.
  const chart = agency.getByTestId('performance-chart');
  await expect(chart).toContainText('Asia/Bangkok');
  await segment(chart, 'Whole campaign').click();
  await expect(chart.locator('.recharts-surface').first()).toBeVisible();
  await segment(chart, 'Orders').click();
  await expect(chart.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(chart.getByText('Paid orders').first()).toBeVisible();
  await segment(chart, 'GMV').click();
  await expect(chart.getByTestId('series-totals')).toContainText('GMV');

  // Products by GMV; the same figures as a table for screen readers.
  const products = agency.getByTestId('product-performance-row');
  await expect(products.first()).toBeVisible();
  await snap(agency, 'agency-performance-desktop');
  await chart.getByRole('switch', { name: 'Show as table' }).check();
  await expect(chart.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();

  // Sorting by a column header, then a product's creators in a drawer.
  await agency.locator('button[aria-description="Sort by Paid orders"]').click();
  await expect(agency.locator('th[aria-sort="descending"]')).toContainText('Orders');
  await products.first().locator('[aria-description="Shows its creator collaborations"]').click();
  const drawer = agency.getByRole('dialog', { name: /Creator collaborations/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('collaboration-card').first().or(drawer.getByText('No creators yet'))).toBeVisible();
  await snap(agency, 'agency-collaborations-desktop');
  await drawer.getByRole('button', { name: 'Close creator collaborations' }).click();

  // Orders with the creator and the split; a line's receipt explains it.
  await agency.getByRole('link', { name: 'Orders and earnings' }).click();
  await expect(agency.getByTestId('balances').first()).toBeVisible();
  const line = agency.getByTestId('order-line-row').first();
  await expect(line).toBeVisible();
  await expect(agency.getByRole('link', { name: 'Orders CSV' })).toHaveAttribute('href', '/exports/orders.csv');
  await segment(agency, '30 days').click();
  await expect(agency.getByRole('link', { name: 'Earnings CSV' })).toHaveAttribute('href', /^\/exports\/earnings\.csv\?from=.+&to=.+/);
  await snap(agency, 'agency-orders-desktop');
  await agency.getByTestId('order-line-row').first().locator('button[aria-description^="Opens the receipt of order"]').click();
  const receipt = agency.getByRole('dialog', { name: 'Commission receipt' });
  await expect(receipt.getByTestId('order-receipt')).toBeVisible();
  await expect(receipt.getByTestId('receipt-base')).toHaveText(/^฿[\d,]+\.\d{2}$/);
  await snap(agency, 'agency-receipt-desktop');
  await agency.context().close();
});

test('the seller sees its products’ performance, never a creator or the split', async ({ browser }) => {
  const seller = await signIn(browser, 'seller@demo.test');
  await seller.getByRole('link', { name: 'Performance' }).click();
  await seller.getByRole('combobox', { name: 'Campaign' }).click();
  await seller.getByRole('option', { name: new RegExp(CAMPAIGN) }).click();
  const tiles = seller.getByTestId('performance-tiles');
  await expect(tiles.locator('[data-metric="Commission you pay"]')).toBeVisible();
  await expect(tiles.locator('[data-metric="Agency commission"]')).toHaveCount(0);
  await expect(tiles.locator('[data-metric="Creator commission"]')).toHaveCount(0);
  await expect(seller.getByTestId('performance-chart').locator('.recharts-surface, [data-testid="chart-empty"]').first()).toBeVisible();
  await expect(seller.getByTestId('product-performance-row').first()).toBeVisible();
  // No creator collaborations for sellers.
  await expect(seller.locator('[aria-description="Shows its creator collaborations"]')).toHaveCount(0);
  await snap(seller, 'seller-performance-desktop');
  await seller.context().close();
});

test('payouts: a creator submits tax info on a phone, the operator approves it, the creator links a bank account and reads a receipt', async ({ browser }) => {
  test.setTimeout(120_000);
  const creator = await signIn(browser, CREATOR_EMAIL, true);
  await creator.getByRole('link', { name: 'Earnings' }).click();
  await expect(creator.getByTestId('creator-earnings-tiles')).toBeVisible();
  await expect(creator.getByTestId('performance-chart')).toBeVisible();
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-earnings-phone');

  await segment(creator.getByTestId('earnings-tabs'), 'Payouts').click();
  const taxStep = creator.getByTestId('tax-step');
  const status = taxStep.getByTestId('tax-status');
  await expect(status).toBeVisible();
  // The bank account waits for approved tax info.
  if ((await status.getAttribute('data-status')) !== 'APPROVED') {
    await expect(creator.getByTestId('bank-locked')).toBeVisible();
    if ((await status.getAttribute('data-status')) !== 'NOT_SUBMITTED') {
      await taxStep.getByRole('button', { name: /submit again|Replace the submission/ }).click();
    }
    const form = creator.getByTestId('tax-info-form');
    await form.getByRole('textbox', { name: 'Legal name' }).fill('Ploy Chanida');
    const taxId = form.getByRole('textbox', { name: 'Tax identification number' });
    await taxId.fill('12345');
    await form.getByRole('textbox', { name: 'Street address' }).fill('99 Ari Soi 4');
    await form.getByRole('textbox', { name: 'City' }).fill('Bangkok');
    // A postal code the form lets through but the server refuses: its userError lands at the field.
    await form.getByRole('textbox', { name: 'Postal code' }).fill('1');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await expect(taxId).toHaveAttribute('aria-invalid', 'true');
    await expect(taxId).toHaveAccessibleDescription(/13-digit/);
    await taxId.fill(TAX_ID);
    await form.getByRole('button', { name: 'Submit for review' }).click();
    const postal = form.getByRole('textbox', { name: 'Postal code' });
    await expect(postal).toHaveAttribute('aria-invalid', 'true');
    await postal.fill('10400');
    await expectNoHorizontalScroll(creator);
    await snap(creator, 'creator-tax-form-phone');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await expect(status).toHaveAttribute('data-status', 'PENDING_REVIEW');
    await expect(taxStep.getByTestId('tax-id-masked')).toHaveText('•••• 0121');
    await snap(creator, 'creator-tax-submitted-phone');

    // --- the operator reviews it
    const operator = await signIn(browser, 'operator@demo.test');
    await operator.getByRole('link', { name: 'Finance' }).click();
    const review = operator.getByTestId('tax-review').filter({ hasText: CREATOR_NAME });
    await expect(review).toContainText('•••• 0121');
    await expect(review).not.toContainText('1234567890121');
    await snap(operator, 'operator-tax-review-desktop');
    await review.getByRole('button', { name: `Approve the tax info of ${CREATOR_NAME}` }).click();
    await expect(review).toHaveCount(0);
    await operator.context().close();

    // --- the creator sees the approval live (no reload) and the bank form opens
    await expect(status).toHaveAttribute('data-status', 'APPROVED');
  }

  const bankStep = creator.getByTestId('bank-step');
  if (await bankStep.getByRole('button', { name: 'Replace' }).isVisible()) await bankStep.getByRole('button', { name: 'Replace' }).click();
  const bankForm = creator.getByTestId('bank-account-form');
  await bankForm.getByRole('textbox', { name: 'Bank' }).fill('Bangkok Bank');
  await bankForm.getByRole('textbox', { name: 'Account number' }).fill(ACCOUNT_NUMBER);
  await bankForm.getByRole('textbox', { name: 'SWIFT / BIC' }).fill('BKKBTHBK');
  await bankForm.getByRole('button', { name: 'Link bank account' }).click();
  await expect(bankStep.getByTestId('bank-masked')).toHaveText('•••• 7890');
  expect(await creator.locator('body').innerText()).not.toContain('1234567890');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-bank-linked-phone');

  // --- an order line's receipt in a bottom sheet: only the creator's own share
  await segment(creator.getByTestId('earnings-tabs'), 'Orders').click();
  const lines = creator.getByTestId('creator-order-line');
  await expect(lines.first().or(creator.getByText('No orders yet'))).toBeVisible();
  if ((await lines.count()) > 0) {
    await expectNoHorizontalScroll(creator);
    await snap(creator, 'creator-orders-phone');
    // A settled line explains the most: estimate at payment, settlement, actual amount.
    const settledLines = lines.filter({ has: creator.locator('[data-status="SETTLED"]') });
    await ((await settledLines.count()) > 0 ? settledLines.first() : lines.first()).click();
    const receipt = creator.getByRole('dialog', { name: 'Commission receipt' });
    await expect(receipt.getByTestId('order-receipt')).toBeVisible();
    await expect(receipt.getByTestId('receipt-base')).toHaveText(/^฿[\d,]+\.\d{2}$/);
    await expect(receipt.getByTestId('receipt-due-creator')).toBeVisible();
    await expect(receipt.getByTestId('receipt-creator-rate')).toHaveText(/%$/);
    const text = await receipt.innerText();
    expect(text).not.toMatch(/Seller pays|Agency earns|Total rate|Agency rate/);
    await snap(creator, 'creator-receipt-phone');
  }
  await creator.context().close();
});
