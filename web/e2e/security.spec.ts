import { expect, test } from '@playwright/test';
import { logIn, settled, VIEWPORTS } from './support/session.ts';

// The server's Content-Security-Policy (server/hardening/middleware.py) must let the built app run as it is:
// scripts, Mantine's styles, images, the GraphQL fetches and the websocket to /graphql, with no violation.
test('the app runs under its Content-Security-Policy: no violation, live socket connected', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.setViewportSize(VIEWPORTS.desktop);

  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');

  await logIn(page, 'seller4@demo.test'); // a user no other spec signs in as (sign-ins notify)
  await expect(page).toHaveURL(/\/seller$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await settled(page);
  for (const link of ['Campaign marketplace', 'Performance']) {
    await page.getByRole('link', { name: link }).click();
    await settled(page);
  }
  expect(violations).toEqual([]);
});

test('no other site can frame the app', async ({ page, baseURL }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors|Refused to (display|frame)/i.test(message.text())) blocked.push(message.text());
  });
  await page.setContent(`<iframe src="${baseURL}/login" width="400" height="300"></iframe>`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '')).not.toContain('Sign in');
});
