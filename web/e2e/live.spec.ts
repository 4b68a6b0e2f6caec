import { expect, test, type WebSocketRoute } from '@playwright/test';
import { logIn, settled, unreadCount, VIEWPORTS } from './support/session.ts';

test('a notification arrives live: toast, bell count and list update without reload', async ({ page, browser }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await logIn(page, 'agency2@demo.test');
  await expect(page).toHaveURL(/\/agency$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await settled(page);
  const before = await unreadCount(page);

  // Signing in again elsewhere creates a "New sign-in" notification for this user.
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await logIn(otherPage, 'agency2@demo.test');
    await expect(otherPage).toHaveURL(/\/agency$/);
  } finally {
    await other.close();
  }

  await expect(page.getByRole('alert').filter({ hasText: 'New sign-in' })).toBeVisible();
  await expect.poll(() => unreadCount(page)).toBe(before + 1);

  // Mark all as read from the bell.
  await page.getByRole('button', { name: /^Notifications, / }).click();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect.poll(() => unreadCount(page)).toBe(0);
});

test('the connection indicator shows a dropped socket and recovers', async ({ page }) => {
  let down = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (down) {
      // The server is "unreachable": refuse at once with a retryable code.
      ws.close({ code: 1013, reason: 'Try again later' });
      return;
    }
    ws.connectToServer();
    open.push(ws);
  });

  await page.setViewportSize(VIEWPORTS.desktop);
  await logIn(page, 'seller2@demo.test');
  await expect(page).toHaveURL(/\/seller$/);
  const indicator = page.getByTestId('connection-state');
  await expect(indicator).toHaveAttribute('data-state', 'connected');

  down = true;
  for (const ws of open.splice(0)) await ws.close({ code: 1001, reason: 'Going away' });
  await expect(indicator).toHaveAttribute('data-state', 'reconnecting');
  await expect(indicator.getByText('Reconnecting…')).toBeVisible();

  down = false;
  await expect(indicator).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
});
