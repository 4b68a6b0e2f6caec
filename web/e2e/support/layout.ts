import { expect, type Page } from '@playwright/test';

/** No horizontal scrolling once the layout has settled (a viewport change animates the shell for a moment). */
export async function expectNoHorizontalScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: 'the page scrolls sideways',
    })
    .toBeLessThanOrEqual(0);
}
