import { expect, test, type WebSocketRoute } from '@playwright/test';
import { DEMO_PASSWORD, logIn, settled, unreadCount, VIEWPORTS } from './support/session.ts';

test('a notification arrives live: toast, bell count and list update without reload', async ({ page, playwright, baseURL }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await logIn(page, 'seller@demo.test');
  await expect(page).toHaveURL(/\/seller$/);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await settled(page);
  const before = await unreadCount(page);

  // An API client of the same shop creates an integration key: the shop is notified (a sign-in notifies no one).
  const api = await playwright.request.newContext({ baseURL });
  try {
    const login = await api.post('/graphql', {
      data: {
        query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
        variables: { i: { email: 'seller@demo.test', password: DEMO_PASSWORD } },
      },
    });
    const token = (await login.json()).data.login.token as string;
    const created = await api.post('/graphql', {
      headers: { Authorization: `Bearer ${token}` },
      data: { query: 'mutation { integrationKeyCreate(input: {name: "Live test"}) { userErrors { code } } }' },
    });
    expect((await created.json()).data.integrationKeyCreate.userErrors).toEqual([]);
  } finally {
    await api.dispose();
  }

  await expect(page.getByRole('alert').filter({ hasText: 'Integration key created' })).toBeVisible();
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
