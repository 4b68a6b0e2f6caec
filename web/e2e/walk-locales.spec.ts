/**
 * Every screen of each role in each of the six languages: agency and seller at 1280 px and on a phone (390 px),
 * the creator on a phone. The language comes from the browser (its Accept-Language), as a first visit would.
 * Each screen is photographed whole (test-results/screenshots/walk-<lang>-<role>-<size>-<screen>.png, looked at
 * by people) and checked for what a look found:
 *  - nothing scrolls sideways: not the page, not the main area (a wide table scrolls in its own container);
 *  - no button, badge, tab or navigation label is cut short (…) or pushed out of the screen by a long word, and
 *    at 1280 px no action in a wide table is only reached by scrolling the table sideways;
 *  - no text or label reads in English where the language is not English: any English message of the app's
 *    catalogue that the language's catalogue does not also use, shown as a whole text or as an aria-label,
 *    placeholder or title;
 *  - money reads as Intl lays it out in the language ("฿1,037.25"), never as "1037.25 THB" (an amount and a
 *    market's currency code; an Indonesian time such as "02.00 GMT" is not money).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { networkQuiet, openInApp } from './support/navigate.ts';
import { DEMO_PASSWORD } from './support/session.ts';

const LANGS = { en: 'en-US', th: 'th-TH', vi: 'vi-VN', id: 'id-ID', ms: 'ms-MY', fil: 'fil-PH' } as const;
type Lang = keyof typeof LANGS;

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} as const;
type Size = keyof typeof SIZES;

const WALKS: { role: 'agency' | 'seller' | 'creator'; size: Size; paths: string[] }[] = [
  ...(['desktop', 'phone'] as const).map((size) => ({
    role: 'agency' as const,
    size,
    paths: ['/agency', '/agency/campaigns', '/agency/campaigns/new', '/agency/lists', '/agency/samples', '/agency/orders', '/agency/bills', '/agency/payment-account', '/agency/disputes', '/agency/webhooks', '/agency/notifications'],
  })),
  ...(['desktop', 'phone'] as const).map((size) => ({
    role: 'seller' as const,
    size,
    paths: ['/seller', '/seller/marketplace', '/seller/registrations', '/seller/samples', '/seller/performance', '/seller/orders', '/seller/integrations', '/seller/disputes', '/seller/webhooks', '/seller/notifications'],
  })),
  {
    role: 'creator',
    size: 'phone',
    paths: ['/creator', '/creator/offers', '/creator/showcase', '/creator/samples', '/creator/earnings', '/creator/earnings/orders', '/creator/earnings/payouts', '/creator/disputes', '/creator/webhooks', '/creator/notifications'],
  },
];

function catalogue(lang: Lang): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../src/i18n/messages/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

const EN = catalogue('en');

/**
 * The app's English words that must not show in `lang`: every English message without placeholders that the
 * language's catalogue does not use for any message of its own (Filipino keeps "Email", Malay "Status"…).
 */
function englishOnly(lang: Lang): Set<string> {
  const own = new Set(Object.values(catalogue(lang)).map((v) => v.trim()));
  const words = new Set<string>();
  for (const text of Object.values(EN)) {
    const value = text.trim();
    if (/[{}<]/.test(value) || !/[a-z]{2}/i.test(value) || own.has(value)) continue;
    words.add(value);
  }
  return words;
}

async function signIn(browser: Browser, lang: Lang, size: Size, email: string): Promise<Page> {
  const context = await browser.newContext({ ...SIZES[size], locale: LANGS[lang] });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login$/, { timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  return page;
}

/** The page is drawn: a heading in main, no loader left, nothing more on the way. */
async function quiet(page: Page) {
  await expect(page.locator('main').getByRole('heading').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('main [role="status"] .mantine-Loader-root')).toHaveCount(0, { timeout: 30_000 });
  await networkQuiet(page);
}

interface Look {
  pageOverflow: number;
  mainOverflow: number;
  /** Controls whose label is cut short or which reach beyond the screen. */
  cut: string[];
  /** Visible texts and labels (aria-label, placeholder, title), each once. */
  texts: string[];
  body: string;
}

/** What the screen shows, measured in the browser (notifications too: the app writes them in the language). */
function look(page: Page, desktop: boolean): Promise<Look> {
  return page.evaluate((desktop) => {
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    /** The nearest ancestor that scrolls sideways (a wide table's container), if any. */
    const sidewaysScroller = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if ((x === 'auto' || x === 'scroll') && a.scrollWidth > a.clientWidth + 1) return a;
      }
      return null;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].find((c) => c.startsWith('mantine-')) ?? ''} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 60)}"`;
    const cut: string[] = [];
    const labels = '.mantine-Button-label, .mantine-Badge-label, .mantine-Tabs-tabLabel, .mantine-NavLink-label, .mantine-SegmentedControl-label, .mantine-Chip-label, nav a, header select';
    for (const el of document.querySelectorAll(labels)) {
      if (!visible(el) || (el as HTMLElement).closest('[aria-hidden="true"]')) continue;
      // A badge as wide as the line it is on (a long description in a history line) is cut to fit: that is not a
      // squeeze.
      const badge = el.closest('.mantine-Badge-root');
      const full = badge?.parentElement && badge.getBoundingClientRect().width >= badge.parentElement.clientWidth - 1;
      if (el.scrollWidth > el.clientWidth + 1 && !full) cut.push(`cut short: ${name(el)} (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
    const controls = 'button, a.mantine-Button-root, .mantine-Badge-root, [role="tab"], .mantine-NavLink-root';
    for (const el of document.querySelectorAll(controls)) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const scroller = sidewaysScroller(el);
      if (!scroller) {
        if (r.right > window.innerWidth + 1 || r.left < -1) cut.push(`beyond the screen: ${name(el)} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      } else if (desktop && el.closest('main tbody') && r.right > scroller.getBoundingClientRect().right + 1) {
        // On a desktop a wide table may scroll for its figures (and their sort headers), not to reach a row's
        // actions (the review table clipped Reject at 1440 px).
        cut.push(`only reached by scrolling sideways: ${name(el)} (${Math.round(r.right)} > ${Math.round(scroller.getBoundingClientRect().right)} px)`);
      }
    }
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || parent.closest('[lang]:not(html)') || !visible(parent)) continue;
      texts.add(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (el.closest('[lang]:not(html)')) continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) texts.add(value);
      }
    }
    const main = document.querySelector('main');
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mainOverflow: main ? main.scrollWidth - main.clientWidth : 0,
      cut,
      texts: [...texts],
      body: document.body.innerText,
    };
  }, desktop);
}

/** The screen photographed whole, in pieces a person can read (at most three: further down, lists repeat). */
async function photograph(page: Page, name: string) {
  const { width } = page.viewportSize()!;
  const piece = width > 600 ? 1000 : 1400;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < height && i <= 3; y += piece, i++) {
    const path = `test-results/screenshots/walk-${name}${i > 1 ? `-${i}` : ''}.png`;
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y, width, height: Math.min(piece, height - y) }, animations: 'disabled' });
  }
}

async function check(page: Page, lang: Lang, english: Set<string>, where: string) {
  await quiet(page);
  const slug = where.replace(/^\//, '').replace(/[/:]+/g, '-') || 'home';
  await photograph(page, slug);
  const seen = await look(page, page.viewportSize()!.width > 600);
  expect.soft(seen.pageOverflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  expect.soft(seen.mainOverflow, `${where}: the main area scrolls sideways`).toBeLessThanOrEqual(1);
  expect.soft(seen.cut, `${where}: cut or pushed-out controls`).toEqual([]);
  if (lang !== 'en') expect.soft(seen.texts.filter((t) => english.has(t)), `${where}: English words in ${lang}`).toEqual([]);
  expect.soft(seen.body.match(/\b\d[\d,]*\.\d{2} (THB|VND|IDR|MYR|PHP|GBP|USD)\b/g) ?? [], `${where}: money not laid out by Intl`).toEqual([]);
}

for (const lang of Object.keys(LANGS) as Lang[]) {
  for (const walk of WALKS) {
    test(`${walk.role} at ${walk.size} size in ${lang}: every screen`, async ({ browser }) => {
      test.setTimeout(900_000); // up to seventeen screens, each photographed whole and measured, on a shared machine
      const english = englishOnly(lang);
      const page = await signIn(browser, lang, walk.size, `${walk.role}@demo.test`);
      const at = (screen: string) => `${lang}-${walk.role}-${walk.size}/${screen}`;
      for (const path of walk.paths) {
        await openInApp(page, path);
        await check(page, lang, english, at(path.slice(walk.role.length + 2) || 'home'));
      }
      if (walk.role === 'agency') {
        // A campaign, each of its tabs, and a product list.
        await openInApp(page, '/agency/campaigns');
        await quiet(page);
        const campaign = await page.locator('main a[href^="/agency/campaigns/"]:not([href$="/new"])').first().getAttribute('href');
        await openInApp(page, campaign!);
        await check(page, lang, english, at('campaign'));
        const tabs = page.locator('main [role="tab"]');
        for (const [i, tab] of ['performance', 'details', 'history'].entries()) {
          await tabs.nth(i + 1).click();
          await check(page, lang, english, at(`campaign-${tab}`));
        }
        await openInApp(page, '/agency/lists');
        await quiet(page);
        const list = await page.locator('main a[href^="/agency/lists/"]').first().getAttribute('href');
        if (list) {
          await openInApp(page, list);
          await check(page, lang, english, at('list'));
        }
      }
      if (walk.role === 'seller') {
        await openInApp(page, '/seller/marketplace');
        await quiet(page);
        const campaign = await page.locator('main a[href^="/seller/marketplace/"]').first().getAttribute('href');
        await openInApp(page, campaign!);
        await check(page, lang, english, at('campaign'));
        await openInApp(page, `${campaign}/register`);
        await check(page, lang, english, at('register'));
      }
      await page.context().close();
    });
  }
}
