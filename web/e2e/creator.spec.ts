import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, VIEWPORTS } from './support/session.ts';
import { snap } from './support/story.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';

/**
 * The three-way split made visible: the agency lists an approved product of the demo campaign "Glow Up Beauty
 * Month" at a creator rate (the split calculator shows its own share), shares the link; a creator on a phone
 * opens it (signing in on the way), sees only its own rate, adds the product, requests a sample; the agency
 * sees the request arrive live and approves it, and the creator sees that live too.
 *
 * It needs the demo world as `run` loads it (the default webServer's fresh database): against a server where it
 * already ran, the creator has the product and its sample already.
 */

const CAMPAIGN = 'Glow Up Beauty Month';
// An approved registration of the demo campaign (Bangkok Street Wear, total 16 %, price ฿759.00, 10 samples).
const PRODUCT = 'Soi Seven Gold-Plated Hoop Earrings';
// A Thai demo creator with an empty showcase (Minnie OOTD: fashion accessories).
const CREATOR_EMAIL = 'creator4@demo.test';
const CREATOR_NAME = 'Minnie OOTD';

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function agencyPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'agency@demo.test');
  await expect(page).toHaveURL(/\/agency$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  return page;
}



test('split and share: the agency lists a product, a creator on a phone adds it and asks for a sample, the agency approves live', async ({ browser }) => {
  test.setTimeout(120_000);
  const listName = `E2E picks ${Date.now() % 100_000}`;

  // --- the agency creates a list in the demo campaign from the campaign page's entry point
  const agency = await agencyPage(browser);
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(agency).toHaveURL(/\/agency\/campaigns$/);
  await agency.getByRole('link', { name: CAMPAIGN, exact: true }).click();
  // The campaign's approved products with their lists, rates and links, as a CSV download (cookie-authorised).
  const [csv] = await Promise.all([agency.waitForEvent('download'), agency.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe(`${CAMPAIGN} approved products.csv`);
  await agency.getByRole('main').getByRole('link', { name: 'Product lists' }).click();
  await expect(agency.getByRole('heading', { name: 'Product lists', level: 1 })).toBeVisible();
  await expect(agency.getByTestId('list-limit')).toContainText('/ 1,000 lists');
  await agency.getByRole('button', { name: 'New list' }).click();
  const create = agency.getByRole('dialog', { name: 'New product list' });
  // The campaign filter carries into the dialog.
  await expect(create.getByRole('combobox', { name: 'Campaign' })).toHaveValue(new RegExp(CAMPAIGN));
  await create.getByRole('textbox', { name: 'List name' }).fill(listName);
  await create.getByRole('button', { name: 'Create list' }).click();

  // --- the builder opens with the picker: one approved product at a creator rate of 10 % of its 16 %
  await expect(agency.getByRole('heading', { name: listName, level: 1 })).toBeVisible();
  const drawer = agency.getByRole('dialog', { name: 'Add approved products' });
  await drawer.getByRole('searchbox', { name: 'Search' }).fill('Hoop Earrings');
  const row = drawer.getByTestId('add-product-row').filter({ hasText: PRODUCT });
  await expect(row).toHaveCount(1);
  await row.getByRole('checkbox', { name: `Add ${PRODUCT}` }).check();
  const creatorRate = row.getByRole('textbox', { name: `Creator rate for ${PRODUCT}` });
  const agencyShare = row.getByRole('textbox', { name: `Agency share for ${PRODUCT}` });
  await creatorRate.fill('17');
  await expect(creatorRate).toHaveAttribute('aria-invalid', 'true');
  await expect(creatorRate).toHaveAccessibleDescription(/total of 16 ?%/);
  await creatorRate.fill('10');
  // The split calculator: 16 % total → 10 % creator ↔ 6 % agency; on ฿759.00: seller ฿121.44, creator ฿75.90, agency ฿45.54.
  await expect(agencyShare).toHaveValue('6');
  await expect(row.getByTestId('split-agency-money')).toHaveText('฿45.54');
  await expect(row.getByTestId('split-summary')).toContainText('Creator ฿75.90');
  await snap(agency, 'list-add-products-split-desktop');
  await drawer.getByRole('button', { name: 'Add 1 product' }).click();
  await expect(drawer).toBeHidden();

  const item = agency.getByTestId('list-item-row').filter({ hasText: PRODUCT });
  await expect(item.getByTestId('item-creator-rate')).toHaveText('10%');
  await expect(item.getByTestId('item-agency-rate')).toHaveText('6%');
  await expect(agency.getByTestId('item-limit')).toContainText('1 / 100 products');

  // The full calculator in the re-price dialog moves the creator rate when the agency share changes.
  await item.getByRole('button', { name: `Re-price ${PRODUCT}` }).click();
  const reprice = agency.getByRole('dialog', { name: `Creator rate for ${PRODUCT}` });
  await reprice.getByRole('textbox', { name: 'Agency share' }).fill('7');
  await expect(reprice.getByRole('textbox', { name: 'Creator rate' })).toHaveValue('9');
  await expect(reprice.getByTestId('reprice-effect')).toHaveAttribute('data-effect', 'decrease');
  await snap(agency, 'list-reprice-desktop');
  await reprice.getByRole('button', { name: 'Cancel' }).click();

  // --- share link
  await agency.getByRole('button', { name: 'Create share link' }).click();
  const url = await agency.getByTestId('share-link-url').inputValue();
  const token = /\/c\/([A-Za-z0-9_-]{16,64})$/.exec(url)?.[1];
  expect(token, `share link ${url}`).toBeTruthy();
  await expect(agency.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await snap(agency, 'list-builder-desktop');

  // The agency waits on its samples page (live).
  await agency.getByRole('link', { name: 'Samples', exact: true }).click();
  await expect(agency.getByRole('heading', { name: 'Sample requests' })).toBeVisible();
  await agency.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  // --- the creator, on a phone and signed out, opens the link: sign in first, then back to the offer
  const creatorContext = await browser.newContext({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  const creator = await creatorContext.newPage();
  await creator.goto(`/c/${token}`);
  await expect(creator).toHaveURL(/\/login$/);
  await signIn(creator, CREATOR_EMAIL);
  await expect(creator).toHaveURL(new RegExp(`/c/${token}$`));
  await expect(creator.getByTestId('offer-campaign')).toHaveText(CAMPAIGN);
  await expect(creator.getByTestId('offer-agency')).toHaveText('Northstar Partners');
  const offer = creator.getByTestId('offer-item').filter({ hasText: PRODUCT });
  await expect(offer.getByTestId('offer-rate')).toHaveText('10%');

  // Only its own rate: neither the seller's total (16 %) nor the agency's share (6 %, ฿45.54) nor the seller's ฿121.44.
  const text = await creator.locator('body').innerText();
  expect(text).not.toMatch(/(^|[^\d.])16\s?%/);
  expect(text).not.toMatch(/(^|[^\d.])6\s?%/);
  expect(text).not.toContain('45.54');
  expect(text).not.toContain('121.44');
  expect(text).not.toMatch(/agency share|seller'?s total/i);
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-offer-phone');

  // Accepting the terms is required.
  const addButton = creator.getByRole('button', { name: 'Add 1 product', exact: true });
  await addButton.click();
  await expect(creator.getByRole('checkbox', { name: /I accept the terms/ })).toHaveAttribute('aria-invalid', 'true');
  await creator.getByRole('checkbox', { name: /I accept the terms/ }).check();
  await addButton.click();
  await expect(creator.getByTestId('offer-added')).toContainText('1 product is in your showcase');
  await expect(offer.getByText('In showcase')).toBeVisible();

  // --- the showcase
  await creator.getByRole('link', { name: 'Go to your showcase' }).click();
  const entry = creator.getByTestId('showcase-entry').filter({ hasText: PRODUCT });
  await expect(entry.getByTestId('showcase-rate')).toHaveText('10%');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-showcase-phone');

  // --- request a sample with a shipping address
  await entry.getByRole("button", { name: `Request sample: ${PRODUCT}` }).click();
  const form = creator.getByRole('dialog', { name: `Free sample: ${PRODUCT}` });
  await form.getByRole('textbox', { name: 'Phone' }).fill('+66 81 555 0199');
  await form.getByRole('textbox', { name: 'Street address' }).fill('99 Ari Soi 4');
  await form.getByRole('textbox', { name: 'City' }).fill('Bangkok');
  await form.getByRole('textbox', { name: 'Postal code' }).fill('10400');
  await snap(creator, 'creator-sample-form-phone');
  await form.getByRole('button', { name: 'Request sample' }).click();
  await expect(form).toBeHidden();
  await expect(entry.getByTestId('sample-status')).toHaveAttribute('data-status', 'REQUESTED');

  // --- the agency sees it arrive live (no reload) and approves it
  const request = agency.getByTestId('agency-sample-row').filter({ hasText: CREATOR_NAME }).filter({ hasText: PRODUCT });
  await expect(request).toHaveAttribute('data-status', 'REQUESTED');
  expect(await agency.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  // The agency never sees the creator's address.
  await expect(agency.getByText('99 Ari Soi 4')).toHaveCount(0);
  await snap(agency, 'agency-samples-live-desktop');

  await creator.getByRole('link', { name: 'Samples', exact: true }).click();
  const sample = creator.getByTestId('creator-sample').filter({ hasText: PRODUCT });
  await expect(sample).toHaveAttribute('data-status', 'REQUESTED');

  await request.getByRole('button', { name: `Approve the sample of ${PRODUCT} for ${CREATOR_NAME}` }).click();
  await expect(agency.getByRole('alert').filter({ hasText: 'Sample approved' })).toBeVisible();
  // Approved requests leave the "to review" queue.
  await expect(request).toHaveCount(0);

  // --- the creator sees the approval live
  await expect(sample).toHaveAttribute('data-status', 'APPROVED');
  await expectNoHorizontalScroll(creator);
  await snap(creator, 'creator-samples-phone');

  await creatorContext.close();
  await agency.context().close();
});

test('an unknown share link shows "not valid" without saying whether it existed', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, CREATOR_EMAIL);
  await expect(page).toHaveURL(/\/creator$/);
  // Pasting a link on the home screen opens it.
  await page.getByTestId('paste-link-input').fill('Our offer: https://matchup.example/c/NoSuchTokenNoSuchToken00 — see you!');
  await page.getByRole('button', { name: 'Open offer' }).click();
  await expect(page).toHaveURL(/\/c\/NoSuchTokenNoSuchToken00$/);
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, 'creator-link-not-valid-phone');
  await context.close();
});
