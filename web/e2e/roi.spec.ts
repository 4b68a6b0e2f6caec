import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, settled, shoot, VIEWPORTS } from './support/session.ts';

/**
 * Sample-to-revenue ROI where samples are decided (docs/roi.md): the agency's samples page shows, for a campaign,
 * what shipped samples brought against their cost — per product and per creator; the seller's samples page shows
 * its own products only, never a creator. The demo world has one sample shipped (Ploy's, in "Glow Up Beauty
 * Month"), so the shipped count and a non-zero cost are known; GMV moves with the clock, so it is only read.
 */

test.beforeEach(() => test.setTimeout(90_000));

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  return page;
}

async function roiPanel(page: Page) {
  const panel = page.getByTestId('sample-roi');
  await expect(panel.getByRole('heading', { name: 'Sample return on investment' })).toBeVisible();
  await expect(panel.getByText(/^Shipped \(of \d+ approved\)$/)).toBeVisible();
  await expect(panel.getByTestId('roi-campaign-multiple')).toHaveText(/^(\d+\.\d{2}×|—)$/);
  await panel.scrollIntoViewIfNeeded();
  await settled(page);
  return panel;
}

test('the agency weighs samples by what they brought, per product and per creator', async ({ browser }) => {
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.goto('/agency/samples');
  await expect(agency.getByRole('heading', { name: 'Sample requests' })).toBeVisible();
  const panel = await roiPanel(agency);
  const byProduct = panel.getByRole('table').filter({ has: agency.getByText('By product', { exact: true }) });
  const byCreator = panel.getByRole('table').filter({ has: agency.getByText('By creator', { exact: true }) });
  await expect(byProduct.getByTestId('roi-row').first()).toBeVisible();
  await expect(byCreator.getByTestId('roi-row').first()).toContainText('@');
  await expect(byCreator.getByRole('columnheader', { name: 'Your commission' })).toBeVisible();
  // Ploy's sample of the campaign shipped: one shipped sample, at a cost.
  const ploy = byCreator.getByTestId('roi-row').filter({ hasText: 'Ploy' });
  await expect(ploy.getByRole('cell').first()).toHaveText('1');
  await expect(ploy.getByRole('cell').nth(5)).toHaveText(/[1-9]/);
  await shoot(agency, 'roi-agency-samples-desktop');
});

test('the seller sees its own products’ sample return, without creators', async ({ browser }) => {
  const seller = await signIn(browser, 'seller@demo.test');
  await seller.goto('/seller/samples');
  const panel = await roiPanel(seller);
  await expect(panel.getByText('By product', { exact: true })).toBeVisible();
  await expect(panel.getByText('By creator', { exact: true })).toHaveCount(0);
  await expect(panel.getByRole('columnheader', { name: 'Commission you pay' })).toBeVisible();
  await expect(panel.getByText('@')).toHaveCount(0);
  await shoot(seller, 'roi-seller-samples-desktop');
});
