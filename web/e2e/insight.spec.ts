import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, settled, shoot, VIEWPORTS } from './support/session.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';

/**
 * Money you can predict, where each party decides (docs/forecast.md): the earnings forecast on the creator's phone,
 * the agency's and the seller's orders pages; the seller's live commission simulator while typing a rate in the
 * registration form of "Glow Up Beauty Month"; the agency's view of a shop's trust scorecard while reviewing.
 * The demo world's history moves with the clock, so nothing here depends on exact figures.
 */

const CAMPAIGN = 'Glow Up Beauty Month';

test.beforeEach(() => test.setTimeout(90_000));

async function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true } : { viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  return page;
}

async function expectForecast(page: Page) {
  const card = page.getByTestId('forecast-card');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('forecast-next30').first()).toHaveText(/\d/);
  await expect(card.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 });  // the chart loads on demand
  await card.scrollIntoViewIfNeeded();
  await settled(page);
  return card;
}

test('the creator sees its earnings forecast on the phone', async ({ browser }) => {
  const creator = await signIn(browser, 'creator@demo.test', true);
  await creator.goto('/creator/earnings');
  const card = await expectForecast(creator);
  await expect(card.getByTestId('forecast-paydates')).toBeVisible();
  await expectNoHorizontalScroll(creator);
  await shoot(creator, 'insight-forecast-creator-phone');
});

test('the agency and the seller see the forecast on their orders pages', async ({ browser }) => {
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.goto('/agency/orders');
  await expectForecast(agency);
  await shoot(agency, 'insight-forecast-agency-desktop');
  const seller = await signIn(browser, 'seller@demo.test');
  await seller.goto('/seller/orders');
  const card = await expectForecast(seller);
  await expect(card.getByRole('heading', { name: 'Commission you will owe' })).toBeVisible();
  await expect(card.getByTestId('forecast-paydates')).toHaveCount(0);
  await shoot(seller, 'insight-forecast-seller-desktop');
});

test('the seller sees what a rate really costs while typing it', async ({ browser }) => {
  const seller = await signIn(browser, 'seller@demo.test');
  await seller.getByRole('link', { name: 'Campaign marketplace' }).click();
  await seller.getByRole('searchbox', { name: 'Search' }).fill(CAMPAIGN);
  await seller.getByTestId('marketplace-card').filter({ hasText: CAMPAIGN }).getByRole('link', { name: `View ${CAMPAIGN}` }).click();
  await seller.getByRole('link', { name: 'Register products' }).click();
  const pickable = seller.getByTestId('pick-row').filter({ has: seller.getByRole('checkbox', { disabled: false }) });
  await pickable.first().getByRole('checkbox').check();
  const title = (await pickable.first().locator('p').first().innerText()).trim();
  const rate = seller.getByRole('textbox', { name: `Total rate for ${title}` });
  await rate.fill('20');
  const sim = seller.getByTestId('registration-simulation');
  await expect(sim.getByTestId('sim-expected')).toHaveText(/\d/);
  const at20 = await sim.getByTestId('sim-per100').innerText();
  await rate.fill('30');
  await expect(sim.getByTestId('sim-per100')).not.toHaveText(at20);  // live as the seller types
  await seller.getByRole('textbox', { name: `Sample quota for ${title}` }).fill('5');
  await expect(sim).toContainText('including samples');
  await sim.scrollIntoViewIfNeeded();
  await shoot(seller, 'insight-simulator-seller-desktop');
});

test('the agency sees a shop’s scorecard while reviewing its registrations', async ({ browser }) => {
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(agency).toHaveURL(/\/agency\/campaigns$/);
  await agency.getByRole('link', { name: CAMPAIGN, exact: true }).click();
  const button = agency.getByRole('button', { name: /Trust scorecard of / }).first();
  await button.click();
  const card = agency.getByTestId('shop-scorecard');
  await expect(card).toContainText('last 180 days');
  await expect(card).toContainText('Refunds of creator orders');
  await shoot(agency, 'insight-scorecard-agency-desktop');
});
