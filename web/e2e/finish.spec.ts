import { expect, test, type Page, type Route } from '@playwright/test';
import { DESKTOP, signedInPage, snap } from './support/story.ts';
import { settled } from './support/session.ts';

/**
 * Finish: the agency's review table shows every action at 1280 px and up (none clipped), the campaign list no
 * truncated badge, and Approve changes its
 * own row from the mutation's answer at once, while the page's refetch is still held back.
 */
test.setTimeout(120_000);

async function campaignWithPending(page: Page): Promise<void> {
  const waiting = page.getByTestId('work-registrations').getByRole('listitem');
  await expect(waiting.first()).toBeVisible();
  await waiting.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/agency\/campaigns\/[^/]+$/);
  await expect(page.getByTestId('registration-row').first()).toBeVisible();
  await settled(page);
}

for (const width of [1440, 1280]) {
  test(`no action of the review table is clipped at ${width} px`, async ({ browser }) => {
    const page = await signedInPage(browser, 'agency@demo.test', { viewport: { width, height: 900 } });
    await campaignWithPending(page);
    const rows = page.getByTestId('registration-row');
    // The table's scrolling box: the nearest ancestor that scrolls sideways.
    const box = await rows.first().evaluate((tr) => {
      let el = tr.parentElement;
      while (el && !['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) el = el.parentElement;
      const r = (el ?? document.documentElement).getBoundingClientRect();
      return { right: r.right, overflow: el ? el.scrollWidth - el.clientWidth : 0 };
    });
    expect(box.overflow, 'the table scrolls sideways').toBeLessThanOrEqual(0);
    for (let i = 0; i < Math.min(await rows.count(), 10); i++) {
      const history = (await rows.nth(i).getByRole('button', { name: /^History of / }).boundingBox())!;
      expect(history.x + history.width).toBeLessThanOrEqual(box.right + 0.5);
    }
    await snap(page, `agency-review-table-${width}`);
    await page.context().close();
  });

  test(`no badge of the campaign list is truncated at ${width} px`, async ({ browser }) => {
    const page = await signedInPage(browser, 'agency@demo.test', { viewport: { width, height: 900 } });
    await page.goto('/agency/campaigns');
    await expect(page.getByTestId('campaign-row').first()).toBeVisible();
    await settled(page);
    const labels = page.getByTestId('campaign-row').locator('.mantine-Badge-label');
    expect(await labels.count()).toBeGreaterThan(0);
    const cut = await labels.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 0.5).map((el) => el.textContent));
    expect(cut).toEqual([]);
    await page.context().close();
  });
}

test('Approve changes its own row from the answer, before any refetch', async ({ browser }) => {
  const page = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await campaignWithPending(page);
  const pending = page.getByTestId('registration-row').filter({ has: page.getByRole('button', { name: /^Approve / }) }).first();
  const name = (await pending.getByRole('button', { name: /^Approve / }).getAttribute('aria-label'))!;
  const title = name.replace(/^Approve /, '');
  // Hold every refetch of the registrations page: only the mutation's answer can change the row now.
  const held: Route[] = [];
  await page.route('**/graphql', async (route) => {
    if ((route.request().postData() ?? '').includes('query CampaignRegistrations')) held.push(route);
    else await route.continue();
  });
  await page.getByRole('button', { name }).click();
  const row = page.getByTestId('registration-row').filter({ hasText: title }).first();
  await expect(row).toHaveAttribute('data-status', 'APPROVED');
  await expect(row.getByText('Ongoing')).toBeVisible();
  expect(held.length, 'a refetch was asked for and is still held').toBeGreaterThan(0);
  await page.unroute('**/graphql');
  // Let the held refetches go (one the page has since dropped may already be gone).
  for (const route of held) await route.continue().catch(() => undefined);
  await expect(row).toHaveAttribute('data-status', 'APPROVED');
  await page.context().close();
});
