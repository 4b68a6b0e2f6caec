import { expect, test, type Browser, type JSHandle, type Page } from '@playwright/test';
import { DEMO_PASSWORD, shoot, VIEWPORTS } from './support/session.ts';

/**
 * Keyboard only: the agency signs in, opens a campaign and approves a registration; the seller changes a pending
 * registration's terms through the row's menu and the dialog. No mouse: Tab, Shift+Tab, Enter, Space and arrows.
 * Every element that takes the focus on the way shows it (an outline or a ring), and a dialog returns the focus.
 */

interface Focused {
  tag: string;
  role: string | null;
  name: string;
}

const LOOK = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'borderTopColor', 'backgroundColor', 'textDecorationLine'] as const;

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: null, name: '' };
    const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name: (labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/** How the focused element and its two nearest ancestors look (a wrapper may carry the indicator, as an input's
 * frame does for a password field). */
async function look(page: Page, target: JSHandle<Element | null>): Promise<string | null> {
  return page.evaluate(([el, props]) => {
    if (!el || !el.isConnected) return null; // re-rendered since: nothing to compare
    const parts: string[] = [];
    for (let node: Element | null = el, i = 0; node && i < 3; node = node.parentElement, i++) {
      const style = getComputedStyle(node);
      parts.push(props.map((p) => String(style[p as keyof CSSStyleDeclaration])).join('|'));
    }
    return parts.join(' / ');
  }, [target, LOOK] as const);
}

/**
 * Presses Tab until the focused element matches. Each stop must look different focused than unfocused (an
 * outline, a ring, a border or background change): checked as the focus leaves it.
 */
async function tabTo(page: Page, matches: (f: Focused) => boolean, what: string, max = 120): Promise<Focused> {
  let previous: { handle: JSHandle<Element | null>; look: string | null; f: Focused } | null = null;
  const leave = async () => {
    if (previous && previous.f.tag !== 'body') {
      const now = await look(page, previous.handle);
      if (now === null || previous.look === null) return;
      expect(now, `focus is visible on ${previous.f.tag} "${previous.f.name}" (focused: ${previous.look})`).not.toBe(previous.look);
    }
  };
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => document.activeElement);
    // A date field takes several Tabs (one per part): the focus has not left it yet.
    if (previous && (await page.evaluate(([a, b]) => a === b, [previous.handle, handle] as const))) continue;
    await leave();
    const f = await focused(page);
    previous = { handle, look: await look(page, handle), f };
    if (matches(f)) {
      // The target too: step back and forth once to see it unfocused.
      await page.keyboard.press('Shift+Tab');
      await leave();
      await page.keyboard.press('Tab');
      return f;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

/** A page whose transitions are off, so a focus indicator is compared at its end state, not mid-fade. */
async function keyboardPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.addInitScript(() => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.addEventListener('DOMContentLoaded', () => document.head.appendChild(style));
  });
  return context.newPage();
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto('/login');
  await tabTo(page, (f) => f.tag === 'input' && /Email/.test(f.name), 'the email field');
  await page.keyboard.type(email);
  await tabTo(page, (f) => f.tag === 'input' && /Password/.test(f.name), 'the password field');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}

test('agency: sign in, open a campaign and approve a registration with the keyboard alone', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await keyboardPage(browser);
  await signInByKeyboard(page, 'agency@demo.test');
  await expect(page).toHaveURL(/\/agency$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  await tabTo(page, (f) => f.tag === 'a' && f.name === 'Campaigns', 'the Campaigns link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agency\/campaigns$/);
  await expect(page.getByTestId('campaign-row').first()).toBeVisible();
  await tabTo(page, (f) => f.tag === 'a' && f.name === 'Glow Up Beauty Month', 'the campaign');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Glow Up Beauty Month', level: 1 })).toBeVisible();
  await expect(page.getByTestId('registration-row').first()).toBeVisible();

  const approve = await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Approve '), 'an Approve button');
  await shoot(page, 'keyboard-agency-approve-focused');
  await page.keyboard.press('Enter');
  const title = approve.name.replace(/^Approve /, '');
  await expect(page.getByTestId('registration-row').filter({ hasText: title }).first()).toHaveAttribute('data-status', 'APPROVED');
  await page.context().close();
});

test('seller: change a pending registration’s terms through the row menu and the dialog, keyboard only', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await keyboardPage(browser);
  await signInByKeyboard(page, 'seller@demo.test');
  await expect(page).toHaveURL(/\/seller$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  await tabTo(page, (f) => f.tag === 'a' && f.name === 'My registrations', 'My registrations');
  await page.keyboard.press('Enter');
  const pending = page.getByTestId('my-registration-row').and(page.locator('[data-status="PENDING"]'));
  await expect(pending.first()).toBeVisible();
  // A PENDING row's menu (other rows' menus have no "Change terms…").
  const title = (await pending.first().locator('p').first().innerText()).trim();
  const menu = await tabTo(page, (f) => f.tag === 'button' && f.name === `Actions for ${title}`, 'the pending row’s actions');
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Change terms…' });
  await expect(item).toBeVisible();
  // Arrow keys move through the menu; Enter picks the item.
  for (let i = 0; i < 10 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Change the terms' });
  await expect(dialog).toBeVisible();
  const rate = await tabTo(page, (f) => f.tag === 'input' && /Total commission/.test(f.name), 'the rate field', 20);
  expect(rate.name).toMatch(/Total commission/);
  await page.keyboard.press('ControlOrMeta+A');
  const newRate = `${20 + (Date.now() % 20)}.5`;
  await page.keyboard.type(newRate);
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Save terms', 'Save terms', 20);
  await shoot(page, 'keyboard-seller-terms-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  const row = page.getByTestId('my-registration-row').filter({ hasText: title }).first();
  await expect(row).toContainText(`${newRate}%`);
  // The focus comes back to the row's menu button the dialog was opened from, not to the top of the page.
  await expect.poll(async () => (await focused(page)).name).toBe(menu.name);
  await page.context().close();
});
