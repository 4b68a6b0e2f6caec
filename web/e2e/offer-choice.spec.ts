import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { logIn, shoot } from './support/session.ts';
import { apiAs, PHONE } from './support/story.ts';

/**
 * A creator who already promotes a product meets a second offer for it at a lower rate: on a phone the offer card
 * shows the lower-rate notice with both rates, the choice is reachable above the sticky "Add" panel, keeping the
 * current rate leaves nothing to add, and switching puts the product in its showcase at the new rate.
 */

const CAMPAIGN = 'Glow Up Beauty Month';
const CREATOR_EMAIL = 'creator5@demo.test';

test('creator on a phone: a lower second offer for a product it carries asks which rate to keep', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL });
  const agency = await apiAs(api, 'agency@demo.test');
  const campaigns = await agency('query($s: String) { campaigns(first: 5, filter: { search: $s }) { edges { node { id name } } } }', { s: CAMPAIGN });
  const campaignId = campaigns.campaigns.edges.find((e: { node: { name: string } }) => e.node.name === CAMPAIGN).node.id as string;
  const approved = await agency(
    'query($f: RegistrationFilter) { registrations(first: 50, filter: $f) { edges { node { id totalRateBps product { title } } } } }',
    { f: { campaignId, status: ['APPROVED'] } },
  );
  const registration = approved.registrations.edges
    .map((e: { node: { id: string; totalRateBps: number; product: { title: string } } }) => e.node)
    .find((r: { totalRateBps: number }) => r.totalRateBps >= 1200);
  expect(registration).toBeTruthy();
  const title = registration.product.title as string;
  const high = registration.totalRateBps - 200;
  const low = high - 300;
  const share = async (name: string, creatorRateBps: number) => {
    const made = await agency(
      'mutation($i: ProductListCreateInput!) { productListCreate(input: $i) { productList { id } userErrors { field code message } } }',
      { i: { campaignId, name, items: [{ registrationId: registration.id, creatorRateBps }] } },
    );
    expect(made.productListCreate.userErrors).toEqual([]);
    const link = await agency(
      'mutation($i: ShareLinkCreateInput!) { shareLinkCreate(input: $i) { shareLink { token } userErrors { code message } } }',
      { i: { listId: made.productListCreate.productList.id } },
    );
    return link.shareLinkCreate.shareLink.token as string;
  };
  const stamp = Date.now() % 100_000;
  const first = await share(`Offer high ${stamp}`, high);
  const second = await share(`Offer low ${stamp}`, low);

  // The creator carries the product through the first offer (keeping this offer's rate if it already had one).
  const creatorApi = await apiAs(api, CREATOR_EMAIL);
  const offer = await creatorApi('query($t: String!) { shareLink(token: $t) { items { product { id } } } }', { t: first });
  const productId = offer.shareLink.items[0].product.id as string;
  const added = await creatorApi(
    'mutation($i: ShowcaseAddInput!) { showcaseAdd(input: $i) { entries { id } userErrors { code message } } }',
    { i: { token: first, acceptTerms: true, choices: [{ productId, keep: 'NEW' }] } },
  );
  expect(added.showcaseAdd.userErrors).toEqual([]);

  const page = await browser.newPage(PHONE);
  await logIn(page, CREATOR_EMAIL);
  await expect(page).toHaveURL(/\/creator/);
  await page.goto(`/c/${second}`);
  const item = page.getByTestId('offer-item').filter({ hasText: title });
  const notice = item.getByTestId('lower-rate-notice');
  await expect(notice).toContainText('Lower than your current rate');
  await expect(notice).toContainText(`${high / 100}%`);
  await expect(notice).toContainText(`${low / 100}%`);
  await expectNoHorizontalScroll(page);
  await shoot(page, 'offer-lower-rate-choice-phone');

  // Keeping the current rate leaves nothing to add from this offer; switching adds it at this offer's rate. Both
  // choices are clickable on a phone (not under the sticky panel).
  await page.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await item.getByRole('radio', { name: `Keep my current ${high / 100}%` }).click();
  await expect(page.getByRole('button', { name: 'Choose products to add' })).toBeDisabled();
  await item.getByRole('radio', { name: `Switch to this offer: ${low / 100}%` }).click();
  await item.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Add 1 product', exact: true }).click();
  await expect(page.getByTestId('offer-added')).toBeVisible();

  const showcase = await creatorApi('query { showcase(first: 100, status: [ACTIVE]) { edges { node { product { title } creatorRateBps } } } }');
  const rates = showcase.showcase.edges
    .map((e: { node: { product: { title: string }; creatorRateBps: number } }) => e.node)
    .filter((n: { product: { title: string } }) => n.product.title === title)
    .map((n: { creatorRateBps: number }) => n.creatorRateBps);
  expect(rates).toEqual([low]);
  await page.context().close();
  await api.dispose();
});
