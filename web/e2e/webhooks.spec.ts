import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { logIn, settled, shoot, VIEWPORTS } from './support/session.ts';

/**
 * Settings → Webhooks as a seller, against a real receiver on 127.0.0.1: create an endpoint (the secret is shown
 * once), send a test event, watch the delivery log turn DELIVERED, and verify the request's Standard Webhooks
 * signature with the secret, written out here independently of the server's code. A creator on a phone reaches
 * the same screen from the account menu (the bottom bar has no room for it) and registers an endpoint there.
 */

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

function receiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received })));
}

test.setTimeout(90_000);

test('a seller registers an endpoint, sends a test event and sees it delivered', async ({ browser }) => {
  const hook = await receiver();
  try {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await logIn(page, 'seller@demo.test');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'New endpoint' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(dialog.getByText('Choose at least one event type')).toBeVisible(); // refused, field by field
    await dialog.getByLabel('URL').fill(hook.url);
    await dialog.getByLabel('Description').fill('Our ERP');
    await dialog.getByRole('checkbox', { name: 'commission.settled' }).check();
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await dialog.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await shoot(page, 'webhooks-secret-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0);

    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: hook.url });
    await expect(endpoint.getByText(hook.url)).toBeVisible();
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    const message = endpoint.getByTestId('webhook-message').first();
    await expect(message.getByText('DELIVERED')).toBeVisible({ timeout: 20_000 });
    await message.getByRole('button').first().click();
    await expect(message.getByTestId('webhook-payload')).toContainText('"webhook.test"');
    await expect(message.getByTestId('webhook-attempt')).toContainText('204');
    await settled(page);
    await shoot(page, 'webhooks-delivery-log');

    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    const id = String(request.headers['webhook-id']);
    const timestamp = String(request.headers['webhook-timestamp']);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
    expect(String(request.headers['webhook-signature'])).toBe(`v1,${expected}`);
    expect(JSON.parse(request.body).type).toBe('webhook.test');
    await context.close();
  } finally {
    hook.server.close();
  }
});

test('a creator on a phone reaches Webhooks from the account menu and registers an endpoint', async ({ browser }) => {
  const hook = await receiver();
  try {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await logIn(page, 'creator@demo.test');
    await expect(page).toHaveURL(/\/creator$/);
    await page.getByRole('button', { name: /^Account menu for / }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByText('Settings')).toBeVisible();
    await shoot(page, 'webhooks-creator-account-menu-phone');
    await menu.getByRole('menuitem', { name: 'Webhooks' }).click();
    await expect(page).toHaveURL(/\/creator\/webhooks$/);
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'New endpoint' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('URL').fill(hook.url);
    await dialog.getByRole('checkbox', { name: 'commission.adjusted' }).check();
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(dialog.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: hook.url });
    await expect(endpoint.getByText('commission.adjusted')).toBeVisible();
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    await expect(endpoint.getByTestId('webhook-message').first().getByText('DELIVERED')).toBeVisible({ timeout: 20_000 });
    await settled(page);
    await shoot(page, 'webhooks-creator-phone');
    // Nothing on the screen is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(hook.received).toHaveLength(1);
    await context.close();
  } finally {
    hook.server.close();
  }
});
