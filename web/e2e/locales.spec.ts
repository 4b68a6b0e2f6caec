/**
 * Each role's main journey in Thai and Vietnamese (and English, as the baseline), chosen on the login page:
 * the shell, navigation and converted screens read in that language, money and dates are laid out by Intl in
 * it, and a choice made while signed in is stored on the user and wins on the next sign-in anywhere.
 * Screenshots: test-results/screenshots/locale-<lang>-<role>-*.png.
 *
 * Accounts: a language chosen on the login page is kept on this browser only, so the shared demo accounts stay
 * English for the other specs; the profile test uses creator7 (used by no other spec).
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, shoot, VIEWPORTS } from './support/session.ts';

type Lang = 'en' | 'th' | 'vi';

const WORDS: Record<Lang, { signIn: string; title: string; campaigns: string; marketplace: string; offers: string; logOut: RegExp }> = {
  en: { signIn: 'Sign in', title: 'Sign in to Matchup', campaigns: 'Campaigns', marketplace: 'Campaign marketplace', offers: 'Offers', logOut: /Log out/ },
  th: { signIn: 'เข้าสู่ระบบ', title: 'เข้าสู่ระบบ Matchup', campaigns: 'แคมเปญ', marketplace: 'ตลาดแคมเปญ', offers: 'ข้อเสนอ', logOut: /ออกจากระบบ/ },
  vi: { signIn: 'Đăng nhập', title: 'Đăng nhập Matchup', campaigns: 'Chiến dịch', marketplace: 'Chợ chiến dịch', offers: 'Ưu đãi', logOut: /Đăng xuất/ },
};

/** Opens the login page, picks `lang` in its switcher, and signs in. */
async function signInIn(page: Page, lang: Lang, email: string) {
  await page.goto('/login');
  await page.getByTestId('language-switcher').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[lang].title);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
}

/**
 * The page is drawn: its heading is there (its chunk and its words have arrived; a screenshot taken before that
 * was blank) and no loading indicator is left (they are labelled in the page's language, so look for the
 * spinner's region).
 */
async function quiet(page: Page) {
  await expect(page.locator('main').getByRole('heading').first()).toBeVisible();
  await expect(page.locator('[role="status"][aria-live="polite"] .mantine-Loader-root')).toHaveCount(0);
}

for (const lang of ['en', 'th', 'vi'] as const) {
  test.describe(`in ${lang}`, () => {
    test(`agency: login, campaigns, a campaign (${lang})`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS.desktop);
      await shootLogin(page, lang);
      await signInIn(page, lang, lang === 'th' ? 'agency2@demo.test' : 'agency@demo.test');
      await expect(page).toHaveURL(/\/agency$/);
      const nav = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: WORDS[lang].campaigns }) });
      await expect(nav).toBeVisible();
      await quiet(page);
      await shoot(page, `locale-${lang}-agency-home`);
      await nav.getByRole('link', { name: WORDS[lang].campaigns }).click();
      await expect(page).toHaveURL(/\/agency\/campaigns$/);
      await quiet(page);
      await shoot(page, `locale-${lang}-agency-campaigns`);
      const first = page.locator('a[href^="/agency/campaigns/"]').first();
      await first.click();
      await quiet(page);
      await shoot(page, `locale-${lang}-agency-campaign`);
    });

    test(`seller: login, marketplace, a campaign (${lang})`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS.desktop);
      await signInIn(page, lang, lang === 'vi' ? 'seller5@demo.test' : 'seller@demo.test');
      await expect(page).toHaveURL(/\/seller$/);
      await quiet(page);
      await shoot(page, `locale-${lang}-seller-home`);
      // The navigation's link: the home's "closing soon" card links to the marketplace too, in the same words.
      const nav = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: WORDS[lang].marketplace, exact: true }) });
      await nav.getByRole('link', { name: WORDS[lang].marketplace, exact: true }).click();
      await expect(page).toHaveURL(/\/seller\/marketplace$/);
      await quiet(page);
      await shoot(page, `locale-${lang}-seller-marketplace`);
    });

    test(`creator on a phone: login, home, offers, earnings, showcase (${lang})`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS.phone);
      const email = { en: 'creator@demo.test', th: 'creator2@demo.test', vi: 'creator8@demo.test' }[lang];
      await signInIn(page, lang, email);
      await expect(page).toHaveURL(/\/creator$/);
      await quiet(page);
      await shoot(page, `locale-${lang}-creator-home`);
      await page.getByRole('link', { name: WORDS[lang].offers, exact: true }).click();
      await expect(page).toHaveURL(/\/creator\/offers$/);
      await quiet(page);
      await shoot(page, `locale-${lang}-creator-offers`);
      await page.goto('/creator/earnings');
      await quiet(page);
      await shoot(page, `locale-${lang}-creator-earnings`);
      await page.goto('/creator/showcase');
      await quiet(page);
      await shoot(page, `locale-${lang}-creator-showcase`);
    });
  });
}

test('agency in Thai: a rejected registration shows its reason, the market and the history in Thai', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signInIn(page, 'th', 'agency2@demo.test');
  await expect(page).toHaveURL(/\/agency$/);
  await page.goto('/agency/campaigns');
  await quiet(page);
  await page.getByRole('link', { name: 'Holiday Gifting USA' }).first().click();
  await quiet(page);
  // The market's name comes from Intl in the language in use, not an English table.
  await expect(page.getByText('สหรัฐอเมริกา', { exact: false }).first()).toBeVisible();
  const rejected = page.getByTestId('registration-row').and(page.locator('[data-status="REJECTED"]')).first();
  await expect(rejected).toContainText('ค่าคอมมิชชันต่ำเกินไป');
  await expect(rejected).not.toContainText('Commission too low');
  const table = page.getByTestId('registration-table');
  await expect(table).toContainText('โทรศัพท์และอิเล็กทรอนิกส์'); // a product's category
  await expect(table).not.toContainText('Phones & Electronics');
  await rejected.getByRole('button', { name: /^ประวัติของ / }).click();
  const history = page.getByTestId('registration-history');
  await expect(history).toContainText('ลงทะเบียนแล้ว'); // Registered
  await expect(history).toContainText('ปฏิเสธแล้ว'); // Rejected
  await expect(history).toContainText('ค่าคอมมิชชันต่ำเกินไป');
  await expect(history).not.toContainText('Registered');
  await expect(history).not.toContainText('Commission too low');
  await shoot(page, 'locale-th-agency-rejected-history');
});

async function shootLogin(page: Page, lang: Lang) {
  await page.goto('/login');
  await page.getByTestId('language-switcher').selectOption(lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[lang].title);
  await shoot(page, `locale-${lang}-login`);
}

test('a language chosen while signed in is stored on the user and wins on the next sign-in', async ({ browser }) => {
  const first = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US' });
  const page = await first.newPage();
  await page.goto('/login');
  await page.locator('#login-email').fill('creator7@demo.test');
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/creator$/);
  // On a phone the switcher is in the account menu.
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('link', { name: WORDS.vi.offers, exact: true })).toBeVisible();
  await first.close();

  // Another browser, English by default and with nothing stored: the profile's Vietnamese wins after sign-in.
  const second = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US' });
  const again = await second.newPage();
  await again.goto('/login');
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(WORDS.en.title);
  await again.locator('#login-email').fill('creator7@demo.test');
  await again.locator('#login-password').fill(DEMO_PASSWORD);
  await again.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(again.getByRole('link', { name: WORDS.vi.offers, exact: true })).toBeVisible();
  await expect(again.locator('html')).toHaveAttribute('lang', 'vi');
  await shoot(again, 'locale-vi-creator-from-profile');
  // Back to English, so reruns start from the same state.
  await again.getByRole('button', { name: /^Menu tài khoản của / }).click();
  await again.getByRole('menuitem', { name: 'English' }).click();
  await expect(again.getByRole('link', { name: WORDS.en.offers, exact: true })).toBeVisible();
  await second.close();
});

test('a browser in Thai opens the login page in Thai', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'th-TH', viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.th.title);
  await expect(page.getByTestId('language-switcher')).toHaveValue('th');
  await context.close();
});
