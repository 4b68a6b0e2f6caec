import { expect, test, type Browser, type Page } from '@playwright/test';
import { settled, shoot } from './support/session.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { axeFindings } from './support/axe.ts';
import { DESKTOP, PHONE, signedInPage } from './support/story.ts';

/**
 * Money you can predict, where each party decides (docs/forecast.md): the earnings forecast on the creator's phone,
 * the agency's and the seller's orders pages; the seller's live commission simulator while typing a rate in the
 * registration form of "Glow Up Beauty Month"; the agency's simulator as it types a creator rate (re-price dialog and
 * the add-products drawer); trust scorecards where each party decides — a shop's while the agency reviews, the
 * agency's on the seller's marketplace campaign, a creator's on the agency's sample requests — and each party's own
 * card with what would improve it. axe (WCAG A/AA) on each new dialog and card; screenshots at 1440 and 390 px.
 * The demo world's history moves with the clock, so nothing here depends on exact figures.
 */

const CAMPAIGN = 'Glow Up Beauty Month';
const LIST = 'Glow Up — street style picks';  // the demo agency's list in CAMPAIGN, with products in it

test.beforeEach(() => test.setTimeout(90_000));

function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  return signedInPage(browser, email, phone ? PHONE : DESKTOP);
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

/** No axe violation (beyond the reviewed exceptions) on the page as it is, with the new dialog or card open. */
async function expectAccessible(page: Page, where: string) {
  const findings = await axeFindings(page, where);
  expect(findings.map((f) => `${f.where} [${f.impact}] ${f.rule} ${f.target} — ${f.summary}`).join('\n')).toBe('');
}

/** Each figure of a card says its sample (how many cases, over which dates) and has a value or "No data yet". */
async function expectFigures(card: ReturnType<Page['getByTestId']>, keys: string[]) {
  const figures = card.getByTestId('scorecard-figure');
  await expect(figures).toHaveCount(keys.length);
  for (const [i, key] of keys.entries()) {
    const figure = figures.nth(i);
    await expect(figure).toHaveAttribute('data-figure', key);
    await expect(figure.getByTestId('scorecard-sample')).toHaveText(/^\d[\d,]*.*( · \w{3} \d{1,2}, \d{4} – \w{3} \d{1,2}, \d{4})?$/);
  }
}

test('the agency sees a shop’s scorecard while reviewing its registrations', async ({ browser }) => {
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(agency).toHaveURL(/\/agency\/campaigns$/);
  await agency.getByRole('link', { name: CAMPAIGN, exact: true }).click();
  const button = agency.getByRole('button', { name: /Trust scorecard of / }).first();
  await button.click();
  const card = agency.getByTestId('scorecard-popover');
  await expect(card).toContainText('trust scorecard');
  await expectFigures(card.getByTestId('scorecard-shop'), ['sampleShipping', 'cancellationRequests', 'refunds']);
  await expect(card).toContainText('Refunds of creator orders');
  await expect(card.getByTestId('scorecard-tips')).toHaveCount(0);  // tips are the shop's own
  await shoot(agency, 'insight-scorecard-agency-desktop');
});

test('the agency’s simulator follows the creator rate as it is typed', async ({ browser }) => {
  for (const [size, phone] of [['desktop', false], ['phone', true]] as const) {
    const agency = await signIn(browser, 'agency@demo.test', phone);
    await agency.goto('/agency/lists');
    await agency.getByRole('main').getByRole('link', { name: LIST, exact: true }).click();
    const item = agency.getByTestId('list-item-row').first();
    await expect(item).toBeVisible();
    await item.getByRole('button', { name: /^Re-price / }).click();
    const dialog = agency.getByRole('dialog', { name: /^Creator rate for / });
    const rate = dialog.getByRole('textbox', { name: 'Creator rate' });
    const sim = dialog.getByTestId('list-item-simulation');
    // The dialog opens on the item's rate: the simulation of that rate is there before anything is typed.
    await expect(sim).toBeVisible();
    await expect(sim.getByTestId('sim-per-order')).toContainText(/creator .*\d.* · you .*\d/);
    await expect(sim.getByTestId('sim-recent')).toHaveText(/\d+ days/);
    await expect(sim.getByTestId('sim-others')).toHaveText(/creator/i);
    // Typing moves it: each rate the agency stops at is simulated (debounced), with its own take per order.
    await rate.fill('');
    await rate.pressSequentially('3', { delay: 40 });
    await expect(sim).toHaveAttribute('data-rate', '300');
    const at3 = await sim.getByTestId('sim-per-order').innerText();
    await expect(sim.getByTestId('sim-per-order')).toContainText('3%');
    await rate.pressSequentially('.5', { delay: 40 });
    await expect(sim).toHaveAttribute('data-rate', '350');
    await expect(sim.getByTestId('sim-per-order')).not.toHaveText(at3);
    await expect(sim.getByTestId('sim-per-order')).toContainText('3.5%');
    await expectAccessible(agency, `agency re-price simulator ${size}`);
    await shoot(agency, `insight-simulator-agency-reprice-${size}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    if (!phone) {
      // A new list in the campaign opens the add-products drawer: each picked product shows the same simulation
      // under its split, as its rate is typed.
      await agency.goto('/agency/campaigns');
      await agency.getByRole('link', { name: CAMPAIGN, exact: true }).click();
      await agency.getByRole('main').getByRole('link', { name: 'Product lists' }).click();
      await agency.getByRole('button', { name: 'New list' }).click();
      const create = agency.getByRole('dialog', { name: 'New product list' });
      await create.getByRole('textbox', { name: 'List name' }).fill(`Insight picks ${Date.now() % 100_000}`);
      await create.getByRole('button', { name: 'Create list' }).click();
      const drawer = agency.getByRole('dialog', { name: 'Add approved products' });
      const row = drawer.getByTestId('add-product-row').first();
      await row.getByRole('checkbox').check();
      const creatorRate = row.getByRole('textbox', { name: /^Creator rate for / });
      await creatorRate.fill('4');
      const rowSim = row.getByTestId('list-item-simulation');
      await expect(rowSim).toHaveAttribute('data-rate', '400');
      await creatorRate.fill('5');
      await expect(rowSim).toHaveAttribute('data-rate', '500');
      await expect(rowSim.getByTestId('sim-per-order')).toContainText('5%');
      await expectAccessible(agency, 'agency add-products simulator desktop');
      await shoot(agency, 'insight-simulator-agency-add-desktop');
    }
    await agency.context().close();
  }
});

test('the seller sees the agency’s scorecard on the campaign it may register for', async ({ browser }) => {
  for (const [size, phone] of [['desktop', false], ['phone', true]] as const) {
    const seller = await signIn(browser, 'seller@demo.test', phone);
    await seller.goto('/seller/marketplace');
    await seller.getByRole('searchbox', { name: 'Search' }).fill(CAMPAIGN);
    await seller.getByTestId('marketplace-card').filter({ hasText: CAMPAIGN }).getByRole('link', { name: `View ${CAMPAIGN}` }).click();
    await expect(seller.getByRole('link', { name: 'Register products' })).toBeVisible();
    const card = seller.getByTestId('scorecard-card');
    await expect(card.getByRole('heading', { name: /trust scorecard/ })).toBeVisible();
    await expectFigures(card.getByTestId('scorecard-agency'), ['reviewLatency', 'approvals', 'cancellationDecisions']);
    await expect(card).toContainText('Reviews registrations in');
    await expect(card.getByTestId('scorecard-tips')).toHaveCount(0);
    await card.scrollIntoViewIfNeeded();
    await settled(seller);
    if (phone) await expectNoHorizontalScroll(seller);
    await expectAccessible(seller, `seller campaign agency card ${size}`);
    await shoot(seller, `insight-scorecard-seller-marketplace-${size}`);
    await seller.context().close();
  }
});

test('the agency sees a creator’s scorecard on its sample requests', async ({ browser }) => {
  for (const [size, phone] of [['desktop', false], ['phone', true]] as const) {
    const agency = await signIn(browser, 'agency@demo.test', phone);
    await agency.goto('/agency/samples?status=REQUESTED&status=APPROVED&status=SHIPPED&status=DELIVERED&status=CONTENT_POSTED&status=OVERDUE');
    const row = agency.getByTestId('agency-sample-row').first();
    await expect(row).toBeVisible();
    const button = row.getByRole('button', { name: /^Trust scorecard of / });
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const popover = agency.getByTestId('scorecard-popover');
    await expectFigures(popover.getByTestId('scorecard-creator'), ['samplesPostedOnTime', 'refunds']);
    await expect(popover).toContainText('Posts sample content on time');
    await expect(popover.getByTestId('scorecard-tips')).toHaveCount(0);
    await expectAccessible(agency, `agency sample requests creator card ${size}`);
    await shoot(agency, `insight-scorecard-agency-samples-${size}`);
    await agency.context().close();
  }
});

test('each party sees its own scorecard with what would improve it', async ({ browser }) => {
  const places = [
    ['seller@demo.test', '/seller/performance', 'scorecard-shop', false],
    ['agency@demo.test', '/agency/campaigns', 'scorecard-agency', false],
    ['creator@demo.test', '/creator/earnings', 'scorecard-creator', true],
  ] as const;
  for (const [email, path, kind, phone] of places) {
    const page = await signIn(browser, email, phone);
    await page.goto(path);
    const card = page.getByTestId('my-scorecard');
    await expect(card.getByRole('heading', { name: 'Your trust scorecard' })).toBeVisible();
    await expect(card.getByTestId(kind)).toBeVisible();
    const tips = card.getByTestId('scorecard-tips');
    await expect(tips).toContainText('What would improve it');
    // Either the tips the server gives (in the page's words, each with its target) or that every target is met.
    const count = await tips.getByTestId('scorecard-tip').count();
    if (count === 0) await expect(tips).toContainText('Every figure meets its target');
    else await expect(tips.getByTestId('scorecard-tip').first()).toHaveText(/\d/);
    await card.scrollIntoViewIfNeeded();
    await settled(page);
    if (phone) await expectNoHorizontalScroll(page);
    await expectAccessible(page, `own scorecard ${email}`);
    const role = email.split('@')[0];
    await shoot(page, `insight-scorecard-own-${role}-${phone ? 'phone' : 'desktop'}`);
    await page.context().close();
  }
});
