import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function logIn(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A viewport-sized screenshot (exactly 1440×900 or 390×844) with transitions settled. */
export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, animations: 'disabled' });
}

/** No loading indicators left on screen (home data and notifications arrived). */
export async function settled(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
}

/** The unread count the bell shows, read from its accessible name. */
export async function unreadCount(page: Page): Promise<number> {
  const name = await page.getByRole('button', { name: /^Notifications, / }).getAttribute('aria-label');
  const m = /(\d+) unread/.exec(name ?? '');
  return m ? Number(m[1]) : 0;
}
