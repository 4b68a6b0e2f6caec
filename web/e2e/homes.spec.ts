import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage, snap } from './support/story.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';

/**
 * Each role's home is a workplace: its figures and its piles of work from the demo world, every item one click from
 * where it is done. Screenshots of every home at both sizes go to test-results/screenshots/home-*.png.
 */
test.setTimeout(150_000); // two sign-ins and two sizes on a shared machine

const MONEY = /^-?(฿|₫|\$|£|₱|Rp |RM )[\d,]+(\.\d{2})?$/;

async function count(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`${id}-count`).textContent());
}

test('the agency home: today against yesterday, then the work, each item one click from where it is done', async ({ browser }) => {
  for (const [size, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    const page = await signedInPage(browser, 'agency@demo.test', options);
    await expect(page.getByTestId('today-orders')).toHaveText(/^\d[\d,]*$/);
    await expect(page.getByTestId('today-gmv')).toHaveText(MONEY);
    await expect(page.getByTestId('today-commission')).toHaveText(MONEY);
    for (const id of ['work-registrations', 'work-samples', 'work-changes', 'work-cancellations']) {
      await expect(page.getByTestId(id)).toBeVisible();
      expect(await count(page, id)).toBeGreaterThanOrEqual(0);
    }
    await expectNoHorizontalScroll(page);
    await snap(page, `home-agency-${size}`);
    if (size === 'desktop') {
      const waiting = page.getByTestId('work-registrations').getByRole('listitem');
      if ((await count(page, 'work-registrations')) > 0) {
        await waiting.first().getByRole('link').click();
        await expect(page).toHaveURL(/\/agency\/campaigns\/[^/]+$/);
        await expect(page.getByTestId('registration-row').first()).toBeVisible();
        await page.goBack();
      }
      await page.getByTestId('work-samples').getByRole('link', { name: 'Open all' }).click();
      await expect(page).toHaveURL(/\/agency\/samples$/);
    }
    await page.context().close();
  }
});

test('the seller home: commission owed this month, samples to ship, decisions and campaigns closing soon', async ({ browser }) => {
  for (const [size, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    const page = await signedInPage(browser, 'seller@demo.test', options);
    await expect(page.getByTestId('owed-month')).toHaveText(MONEY);
    await expect(page.getByTestId('gmv-month')).toHaveText(MONEY);
    for (const id of ['work-ship', 'work-decisions', 'work-closing']) await expect(page.getByTestId(id)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await snap(page, `home-seller-${size}`);
    if (size === 'desktop') {
      const closing = page.getByTestId('work-closing').getByRole('listitem');
      if ((await closing.count()) > 0) {
        await closing.first().getByRole('link').click();
        await expect(page).toHaveURL(/\/seller\/marketplace\/[^/]+$/);
        await page.goBack();
      }
      await page.getByTestId('owed-month').click();
      await expect(page).toHaveURL(/\/seller\/performance$/);
    }
    await page.context().close();
  }
});

test('the creator home on a phone: earnings first, then offers and deadlines', async ({ browser }) => {
  for (const [size, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    const page = await signedInPage(browser, 'creator@demo.test', options);
    const today = page.getByTestId('earned-today');
    await expect(today).toHaveText(MONEY);
    await expect(page.getByTestId('earned-month')).toHaveText(MONEY);
    await expect(page.getByTestId('next-payout')).toHaveText(MONEY);
    // Earnings come before the offers, the deadlines and the profile.
    const top = async (locator: ReturnType<Page['getByTestId']>) => (await locator.boundingBox())!.y;
    expect(await top(today)).toBeLessThan(await top(page.getByTestId('work-offers')));
    expect(await top(page.getByTestId('work-offers'))).toBeLessThan(await top(page.getByTestId('creator-handle')));
    await expectNoHorizontalScroll(page);
    await snap(page, `home-creator-${size}`);
    if (size === 'phone') {
      await page.getByTestId('work-offers').getByRole('link', { name: 'All offers' }).click();
      await expect(page).toHaveURL(/\/creator\/offers$/);
    }
    await page.context().close();
  }
});
