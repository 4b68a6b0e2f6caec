import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DEMO_PASSWORD, settled, shoot, VIEWPORTS } from './session.ts';

/** A datetime-local value (with seconds) for an instant as it reads in `timeZone`. */
export function wallTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

export const DESKTOP: BrowserContextOptions = { viewport: VIEWPORTS.desktop };
export const PHONE: BrowserContextOptions = { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true };

/** The login mutation as `email` with the demo password; its token is a bearer token, and its answer sets the cookie. */
async function logInThrough(api: APIRequestContext, email: string): Promise<string> {
  const login = await api.post('/graphql', {
    data: { query: 'mutation($i: LoginInput!) { login(input: $i) { token userErrors { message } } }', variables: { i: { email, password: DEMO_PASSWORD } } },
  });
  const body = await login.json();
  expect(body.errors ?? [], `login of ${email}`).toEqual([]);
  expect(body.data.login.userErrors, `login of ${email}`).toEqual([]);
  return body.data.login.token as string;
}

/**
 * A page in its own browser context (its own session), signed in, on its role's home with the live connection up.
 * The session comes from the login mutation (its cookie lands in the context), not the login form, which cost a page
 * load per sign-in: login.spec.ts, keyboard.spec.ts and the locale specs sign in through the form.
 */
export async function signedInPage(browser: Browser, email: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  await logInThrough(context.request, email);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(page).not.toHaveURL(/\/login$/);
  return page;
}

/**
 * Closes the toasts so screenshots show the screen itself. Other tests act on the same demo world, so a live
 * notification may land at any moment, and a toast under the pointer never closes by itself (hovering pauses its
 * timer): close what is open and move the pointer off, until a check finds none.
 */
export async function clearToasts(page: Page) {
  const toasts = page.locator('.mantine-Notification-root');
  await expect(async () => {
    for (const close of await toasts.locator('button').all()) await close.click({ timeout: 2_000 }).catch(() => undefined);
    await page.mouse.move(0, 0);
    expect(await toasts.allInnerTexts(), 'toasts still open').toEqual([]);
  }).toPass({ timeout: 20_000 });
}

export async function snap(page: Page, name: string) {
  await settled(page);
  await clearToasts(page);
  await shoot(page, name);
}

/** Marks the page; the mark survives everything except a reload (proof that an update came live). */
export async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}

export async function stillNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

/** A GraphQL request in the page's session (its cookie), as the web app would send it. */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** A GraphQL client signed in as `email` (a bearer token, no page): for setting up what a walk needs. */
export async function apiAs(api: APIRequestContext, email: string) {
  const token = await logInThrough(api, email);
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await api.post('/graphql', { headers: { Authorization: `Bearer ${token}` }, data: { query, variables } });
    const body = await answer.json();
    expect(body.errors ?? []).toEqual([]);
    return body.data;
  };
}
