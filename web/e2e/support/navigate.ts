import { expect, type Page, type Request } from '@playwright/test';

/**
 * Walking many screens of one signed-in page without reloading the app for each: a `page.goto` per screen ran the
 * whole app again (its code, the viewer, the live socket, the notifications) and cost a walk a third of its browser
 * time. A screen opened here comes from the app's router, as after a click on a link.
 */

interface Traffic {
  open: Set<Request>;
  lastChange: number;
}

const traffic = new WeakMap<Page, Traffic>();

/** The page's requests in flight, followed from the first call on. */
function trafficOf(page: Page): Traffic {
  let t = traffic.get(page);
  if (!t) {
    const state: Traffic = { open: new Set(), lastChange: Date.now() };
    page.on('request', (request) => {
      state.open.add(request);
      state.lastChange = Date.now();
    });
    const done = (request: Request) => {
      state.open.delete(request);
      state.lastChange = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    traffic.set(page, (t = state));
  }
  return t;
}

/**
 * No request in flight for 500 ms: what `waitForLoadState('networkidle')` tells of a document's load, for what a
 * screen fetches after its router navigation (that load state is reached once per document and never again).
 */
export async function networkQuiet(page: Page) {
  const t = trafficOf(page);
  await expect
    .poll(() => t.open.size === 0 && Date.now() - t.lastChange >= 500, { message: 'requests still on the way', intervals: [100], timeout: 30_000 })
    .toBe(true);
}

/**
 * Opens `path` (path and query) in the app the page shows, through the app's router: resolves once the screen that
 * was in `main` has made way for the one at `path`. The screen the page is on already is loaded afresh instead.
 */
export async function openInApp(page: Page, path: string) {
  trafficOf(page);
  const here = new URL(page.url());
  if (here.pathname + here.search === path) {
    await page.goto(path);
    return;
  }
  await page.evaluate((to) => {
    for (const el of document.querySelectorAll('main *')) el.setAttribute('data-e2e-left', '');
    window.scrollTo(0, 0);
    // The router follows the history: a pushed entry and a popstate are a navigation to it (as Back would be).
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  // Every screen is its own route in main: when the new one is drawn, the old one's elements are all gone, and what
  // is left of the marked (main's wrappers) holds the new screen.
  await expect(page.locator('main [data-e2e-left]:not(:has(:not([data-e2e-left])))'), `the screen before ${path} still shows`).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
}
