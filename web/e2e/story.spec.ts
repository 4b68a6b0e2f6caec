import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { CURRENCY_EXPONENT, formatMoney } from '../src/lib/format.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { DESKTOP, graphql, markNoReload, PHONE, signedInPage, snap, stillNoReload, wallTime } from './support/story.ts';

/**
 * The whole story, three parties in three browser contexts open at once: an agency (Northstar Partners,
 * desktop) creates and publishes a campaign; a seller (Shenzhen Gadget Hub TH, desktop) finds it in the
 * marketplace and registers two products; the agency sees them arrive live, approves one and rejects the other; the seller
 * sees both decisions live; the agency lists the approved product at a creator rate and copies the share link; a
 * creator (Gadget Guru TH, on a phone) opens it, sees only its own rate, accepts and adds the product; the seller
 * creates an integration key on its Integrations page (the key and signing secret shown once); an order of the
 * product through the creator's showcase entry arrives at POST /integrations/orders, signed as
 * docs/integrations-orders.md says (created, then paid); the creator and the agency see the commission appear live.
 *
 * Accounts no other spec uses for these screens: seller3 and creator5 (agency@ runs its own new campaign).
 * It needs the demo world as `run` loads it (the default webServer's fresh database): against a server where it
 * already ran, the creator has the product in its showcase through the earlier run's offer.
 */

const AGENCY_EMAIL = 'agency@demo.test';
const SELLER_EMAIL = 'seller3@demo.test';
const CREATOR_EMAIL = 'creator5@demo.test';
const CREATOR_NAME = 'Gadget Guru TH';
const BANGKOK = 'Asia/Bangkok';
const DAY = 86_400_000;
// Rates in basis points: the seller's total for the approved product, the creator's share of it.
const TOTAL_BPS = 1500n;
const CREATOR_BPS = 1000n;

const bpsOf = (amountMinor: bigint, bps: bigint) => (amountMinor * bps + 5_000n) / 10_000n; // half up, amounts ≥ 0

function minorOf(amount: string, currency: string): bigint {
  const exponent = CURRENCY_EXPONENT[currency] ?? 2;
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
}

function money(minor: bigint, currency: string): string {
  const exponent = CURRENCY_EXPONENT[currency] ?? 2;
  const base = 10n ** BigInt(exponent);
  const amount = exponent === 0 ? `${minor}` : `${minor / base}.${(minor % base).toString().padStart(exponent, '0')}`;
  return formatMoney({ amount, currency });
}

/** The column of a table header by its leading text (the agency's orders table). */
async function columnIndex(page: Page, header: string): Promise<number> {
  const headers = await page.getByTestId('agency-order-lines').locator('thead th').allInnerTexts();
  const index = headers.findIndex((text) => text.trim().startsWith(header));
  expect(index, `column "${header}" in ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** One event to the integration endpoint, signed with Node's crypto exactly as docs/integrations-orders.md says. */
async function pushOrderEvent(baseURL: string, apiKey: string, signingSecret: string, event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = 'v1=' + createHmac('sha256', signingSecret).update(`${timestamp}.${body}`).digest('hex');
  const response = await fetch(`${baseURL}/integrations/orders`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'X-Matchup-Key': apiKey, 'X-Matchup-Timestamp': timestamp, 'X-Matchup-Signature': signature },
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(answer)).toBe(200);
  expect(answer).toEqual({ id: event.id, status: 'applied', duplicate: false });
}

test('the whole story: campaign, registrations, review, list and link, creator on a phone, signed order, live commission', async ({ browser, baseURL }) => {
  // Three parties on one page each, a wait for the campaign's start and a live order: a few minutes on a busy CI
  // machine, where other specs run beside it.
  test.setTimeout(480_000);
  const run = Date.now() % 1_000_000;
  const campaignName = `Story Gadgets ${run}`;
  const listName = `Story picks ${run}`;
  const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

  // ------------------------------------------------------------------ the agency creates and publishes a campaign
  const agency = await signedInPage(browser, AGENCY_EMAIL, { ...DESKTOP, ...clipboard });
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await agency.getByRole('link', { name: 'New campaign' }).click();
  await agency.getByRole('textbox', { name: 'Campaign name' }).fill(campaignName);
  await agency.getByRole('combobox', { name: 'Market' }).click();
  await agency.getByRole('option', { name: 'Thailand' }).click();
  await agency.getByRole('textbox', { name: 'Description' }).fill('Phones and accessories for the holidays, with tech creators in Thailand.');
  await agency.getByRole('textbox', { name: 'Commission requirement' }).fill('10');
  // Registration opens at the campaign's start, which must be in the future when it is created: taken as the dates
  // are typed, with room for the rest of the form on a busy machine (the seller and the creator sign in meanwhile).
  const start = new Date(Date.now() + 20_000);
  await agency.getByLabel('Campaign start').fill(wallTime(start, BANGKOK));
  await agency.getByLabel('Campaign end').fill(wallTime(new Date(start.getTime() + 30 * DAY), BANGKOK));
  await agency.getByLabel('Registration closes').fill(wallTime(new Date(start.getTime() + 20 * DAY), BANGKOK));
  await agency.getByRole('textbox', { name: 'Contact email' }).fill('team@northstar.test');
  await agency.getByRole('textbox', { name: 'LINE ID' }).fill('@northstar');
  await agency.getByRole('button', { name: 'Create campaign' }).click();
  await expect(agency.getByRole('heading', { name: campaignName, level: 1 })).toBeVisible();
  await agency.getByTestId('publish-toggle').click();
  await agency.getByRole('dialog', { name: 'Publish this campaign?' }).getByRole('button', { name: 'Publish' }).click();
  await expect(agency.getByTestId('campaign-status').first()).toHaveAttribute('data-status', /UPCOMING|ONGOING/);
  await snap(agency, 'story-01-agency-campaign-published-desktop');

  // ------------------------------------------------------------------ the seller and the creator sign in meanwhile
  const seller = await signedInPage(browser, SELLER_EMAIL, { ...DESKTOP, ...clipboard });
  const creator = await signedInPage(browser, CREATOR_EMAIL, PHONE);
  const untilStart = start.getTime() - Date.now() + 1_500;
  if (untilStart > 0) await seller.waitForTimeout(untilStart);

  // ------------------------------------------------------------------ the seller finds it and registers two products
  await seller.getByRole('link', { name: 'Campaign marketplace' }).click();
  await seller.getByRole('searchbox', { name: 'Search' }).fill(campaignName);
  const card = seller.getByTestId('marketplace-card').filter({ hasText: campaignName });
  await expect(card.getByText(/Registration open until/)).toBeVisible();
  await card.getByRole('link', { name: `View ${campaignName}` }).click();
  await seller.getByRole('link', { name: 'Register products' }).click();
  const pickable = seller.getByTestId('pick-row').filter({ has: seller.getByRole('checkbox', { disabled: false }) });
  await expect(pickable.nth(1)).toBeVisible();
  const titles: string[] = [];
  for (const i of [0, 1]) {
    titles.push((await pickable.nth(i).locator('p').first().innerText()).trim());
    await pickable.nth(i).getByRole('checkbox').check();
  }
  const [approved, rejected] = titles as [string, string];
  await seller.getByRole('textbox', { name: `Total rate for ${approved}` }).fill('15');
  await seller.getByRole('textbox', { name: `Total rate for ${rejected}` }).fill('12');
  await snap(seller, 'story-02-seller-register-desktop');
  await markNoReload(agency);
  await seller.getByRole('button', { name: 'Register 2 products' }).click();
  await expect(seller.getByTestId('register-success')).toContainText('2 products registered');

  // ------------------------------------------------------------------ the agency sees both arrive live
  const agencyRows = agency.getByTestId('registration-row');
  await expect(agencyRows.filter({ hasText: approved })).toHaveAttribute('data-status', 'PENDING');
  await expect(agencyRows.filter({ hasText: rejected })).toHaveAttribute('data-status', 'PENDING');
  await expect(agency.getByTestId('count-To review')).toHaveText('2');
  await stillNoReload(agency);
  await snap(agency, 'story-03-agency-registrations-live-desktop');

  // ------------------------------------------------------------------ the seller watches; the agency decides
  await seller.getByRole('link', { name: 'My registrations', exact: true }).click();
  const sellerRow = (title: string) => seller.getByTestId('my-registration-row').filter({ hasText: title }).filter({ hasText: campaignName });
  await expect(sellerRow(approved)).toHaveAttribute('data-status', 'PENDING');
  await expect(sellerRow(rejected)).toHaveAttribute('data-status', 'PENDING');
  await markNoReload(seller);

  await agency.getByRole('button', { name: `Approve ${approved}` }).click();
  await expect(agencyRows.filter({ hasText: approved })).toHaveAttribute('data-status', 'APPROVED');
  await agency.getByRole('button', { name: `Reject ${rejected}` }).click();
  const reject = agency.getByRole('dialog', { name: /^Reject/ });
  await reject.getByRole('combobox', { name: 'Reason' }).click();
  await agency.getByRole('option', { name: 'Commission too low' }).click();
  await reject.getByRole('textbox', { name: 'Note to the seller' }).fill('We need at least 15 % for this category.');
  await reject.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(agencyRows.filter({ hasText: rejected })).toHaveAttribute('data-status', 'REJECTED');

  await expect(sellerRow(approved)).toHaveAttribute('data-status', 'APPROVED');
  await expect(sellerRow(rejected)).toHaveAttribute('data-status', 'REJECTED');
  await expect(sellerRow(rejected)).toContainText('Commission too low: We need at least 15 % for this category.');
  await stillNoReload(seller);
  await snap(seller, 'story-04-seller-decisions-live-desktop');

  // ------------------------------------------------------------------ the agency lists the approved product and copies the link
  await agency.getByRole('main').getByRole('link', { name: 'Product lists' }).click();
  await agency.getByRole('button', { name: 'New list' }).click();
  const create = agency.getByRole('dialog', { name: 'New product list' });
  await expect(create.getByRole('combobox', { name: 'Campaign' })).toHaveValue(new RegExp(campaignName));
  await create.getByRole('textbox', { name: 'List name' }).fill(listName);
  await create.getByRole('button', { name: 'Create list' }).click();
  await expect(agency.getByRole('heading', { name: listName, level: 1 })).toBeVisible();
  const drawer = agency.getByRole('dialog', { name: 'Add approved products' });
  const pick = drawer.getByTestId('add-product-row').filter({ hasText: approved });
  await expect(pick).toHaveCount(1);
  // Only the approved product can be listed: the rejected one is not offered.
  await expect(drawer.getByTestId('add-product-row').filter({ hasText: rejected })).toHaveCount(0);
  await pick.getByRole('checkbox', { name: `Add ${approved}` }).check();
  await pick.getByRole('textbox', { name: `Creator rate for ${approved}` }).fill('10');
  await expect(pick.getByRole('textbox', { name: `Agency share for ${approved}` })).toHaveValue('5');
  await drawer.getByRole('button', { name: 'Add 1 product' }).click();
  await expect(drawer).toBeHidden();
  const item = agency.getByTestId('list-item-row').filter({ hasText: approved });
  await expect(item.getByTestId('item-creator-rate')).toHaveText('10%');
  await expect(item.getByTestId('item-agency-rate')).toHaveText('5%');
  await agency.getByRole('button', { name: 'Create share link' }).click();
  const shown = await agency.getByTestId('share-link-url').inputValue();
  await agency.getByRole('button', { name: 'Copy link' }).click();
  await expect(agency.getByRole('button', { name: 'Copied' })).toBeVisible();
  const link = await agency.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(shown);
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{16,64}$/);
  await snap(agency, 'story-05-agency-list-link-desktop');

  // ------------------------------------------------------------------ the creator opens the link on its phone: its rate only
  await creator.goto(link);
  await expect(creator.getByTestId('offer-campaign')).toHaveText(campaignName);
  const offer = creator.getByTestId('offer-item').filter({ hasText: approved });
  await expect(offer.getByTestId('offer-rate')).toHaveText('10%');

  // The approved product's SKU and price, as the seller's catalogue has them (the order below buys it).
  const catalogue = await graphql<{ products: { edges: { node: { id: string; title: string; skus: { sellerSku: string; price: { amount: string; currency: string } }[] } }[] } }>(
    seller,
    'query($q: String) { products(first: 10, search: $q) { edges { node { id title skus { sellerSku price { amount currency } } } } } }',
    { q: approved },
  );
  const product = catalogue.products.edges.map((e) => e.node).find((p) => p.title === approved);
  expect(product, `${approved} in the seller's catalogue`).toBeTruthy();
  const sku = product!.skus[0]!;
  const { currency } = sku.price;
  const price = minorOf(sku.price.amount, currency);
  const sellerPays = bpsOf(price, TOTAL_BPS);
  const creatorEarns = bpsOf(price, CREATOR_BPS);
  const agencyEarns = bpsOf(price, TOTAL_BPS - CREATOR_BPS);
  expect(sellerPays - creatorEarns, 'the split adds up: seller = creator + agency').toBe(agencyEarns);

  const offerText = await creator.locator('body').innerText();
  expect(offerText).not.toMatch(/(^|[^\d.])15\s?%/); // the seller's total
  expect(offerText).not.toMatch(/(^|[^\d.])5\s?%/); // the agency's share
  expect(offerText).not.toContain(money(sellerPays, currency));
  expect(offerText).not.toContain(money(agencyEarns, currency));
  expect(offerText).not.toMatch(/agency share|seller'?s total|total rate/i);
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'story-06-creator-offer-phone');
  await creator.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await creator.getByRole('button', { name: 'Add 1 product', exact: true }).click();
  await expect(creator.getByTestId('offer-added')).toContainText('1 product is in your showcase');
  await expect(offer.getByText('In showcase')).toBeVisible();
  await snap(creator, 'story-07-creator-added-phone');

  // The creator's showcase entry of the product: the buyer's path the shop platform reports in the order.
  const showcase = await graphql<{ showcase: { edges: { node: { id: string; status: string; product: { id: string } | null } }[] } }>(
    creator,
    '{ showcase(first: 100, status: [ACTIVE]) { edges { node { id status product { id } } } } }',
  );
  const entry = showcase.showcase.edges.map((e) => e.node).find((n) => n.product?.id === product!.id);
  expect(entry, 'the showcase entry of the added product').toBeTruthy();

  // ------------------------------------------------------------------ the seller creates an integration key (shown once)
  await seller.getByRole('link', { name: 'Integrations' }).click();
  await expect(seller.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await seller.getByRole('button', { name: 'New key' }).first().click();
  const newKey = seller.getByRole('dialog', { name: 'New integration key' });
  await newKey.getByRole('button', { name: 'Create key' }).click();
  await expect(newKey.getByRole('textbox', { name: 'Key name' })).toHaveAttribute('aria-invalid', 'true');
  await newKey.getByRole('textbox', { name: 'Key name' }).fill(`Shop platform sync ${run}`);
  await newKey.getByRole('button', { name: 'Create key' }).click();
  const issued = seller.getByRole('dialog', { name: `Key “Shop platform sync ${run}” created` });
  await expect(issued.getByText('you will not see them again')).toBeVisible();
  const apiKey = await issued.getByRole('textbox', { name: 'API key' }).inputValue();
  const signingSecret = await issued.getByRole('textbox', { name: 'Signing secret' }).inputValue();
  expect(apiKey).toMatch(/^mk_[0-9a-f]{16}\.[A-Za-z0-9_-]{20,}$/);
  expect(signingSecret).toMatch(/^mks_[0-9a-f]{64}$/);
  await issued.getByRole('button', { name: 'Copy API key' }).click();
  expect(await seller.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
  await issued.getByRole('button', { name: 'Copy signing secret' }).click();
  expect(await seller.evaluate(() => navigator.clipboard.readText())).toBe(signingSecret);
  // Done only once the seller says it stored them; neither Escape nor a click outside closes it.
  await expect(issued.getByRole('button', { name: 'Done' })).toBeDisabled();
  await seller.keyboard.press('Escape');
  await expect(issued).toBeVisible();
  await snap(seller, 'story-08-seller-key-shown-once-desktop');
  await issued.getByRole('checkbox', { name: 'I have stored the API key and the signing secret' }).check();
  await issued.getByRole('button', { name: 'Done' }).click();
  await expect(issued).toBeHidden();
  const keyId = apiKey.split('.')[0]!;
  const keyRow = seller.getByTestId('integration-key-row').filter({ hasText: `Shop platform sync ${run}` });
  await expect(keyRow.getByTestId('key-id')).toHaveText(keyId);
  await expect(keyRow).toContainText('Never');
  // Never readable again: nothing on the page holds the secret part or the signing secret.
  const integrationsText = await seller.locator('body').innerText();
  expect(integrationsText).not.toContain(apiKey.split('.')[1]!);
  expect(integrationsText).not.toContain(signingSecret);
  await snap(seller, 'story-09-seller-integrations-desktop');

  // ------------------------------------------------------------------ the creator and the agency wait on their order pages
  await creator.getByRole('link', { name: 'Earnings' }).click();
  await creator.getByTestId('earnings-tabs').locator('label').filter({ hasText: /^Orders$/ }).click();
  await expect(creator).toHaveURL(/\/creator\/earnings\/orders$/);
  const creatorLine = creator.getByTestId('creator-order-line').filter({ hasText: approved });
  await expect(creatorLine).toHaveCount(0);
  await markNoReload(creator);
  await agency.getByRole('link', { name: 'Orders and earnings' }).click();
  await expect(agency.getByRole('heading', { name: 'Orders and earnings', level: 1 })).toBeVisible();
  const agencyLine = agency.getByTestId('order-line-row').filter({ hasText: approved });
  await expect(agencyLine).toHaveCount(0);
  await markNoReload(agency);

  // ------------------------------------------------------------------ an order through the creator's showcase entry arrives, signed
  const orderId = `STORY-${run}`;
  const placedAt = new Date().toISOString();
  await pushOrderEvent(baseURL!, apiKey, signingSecret, {
    id: `${orderId}-created`, type: 'order.created', occurred_at: placedAt, order_id: orderId, placed_at: placedAt,
    lines: [{
      line_id: '1', product_id: product!.id, sku: sku.sellerSku, quantity: 1, unit_price: sku.price.amount, currency,
      attribution: { showcase_entry_id: entry!.id },
    }],
  });
  await pushOrderEvent(baseURL!, apiKey, signingSecret, {
    id: `${orderId}-paid`, type: 'order.paid', occurred_at: new Date().toISOString(), order_id: orderId,
  });

  // ------------------------------------------------------------------ both see the commission appear, live
  await expect(creatorLine.getByTestId('creator-line-commission')).toHaveText(money(creatorEarns, currency));
  await expect(creatorLine.locator('[data-status]').first()).toHaveAttribute('data-status', 'PAID');
  await stillNoReload(creator);
  const creatorText = await creator.locator('body').innerText();
  expect(creatorText).not.toContain(money(agencyEarns, currency));
  expect(creatorText).not.toContain(money(sellerPays, currency));
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'story-10-creator-commission-live-phone');

  const cells = agencyLine.locator('td');
  await expect(cells.nth(await columnIndex(agency, 'Creator earns'))).toContainText(money(creatorEarns, currency));
  await expect(cells.nth(await columnIndex(agency, 'Agency earns'))).toContainText(money(agencyEarns, currency));
  await expect(cells.nth(await columnIndex(agency, 'Seller pays'))).toContainText(money(sellerPays, currency));
  await expect(agencyLine).toContainText(CREATOR_NAME);
  await stillNoReload(agency);
  await snap(agency, 'story-11-agency-commission-live-desktop');

  // The key's first use shows on the seller's page (to the minute).
  await seller.reload();
  await expect(keyRow).not.toContainText('Never');
  await seller.setViewportSize({ width: 390, height: 844 });
  await expect(keyRow).toBeVisible();
  await expectNoHorizontalScroll(seller);
  await snap(seller, 'story-12-seller-integrations-phone');

  await Promise.all([agency, seller, creator].map((page) => page.context().close()));
});
