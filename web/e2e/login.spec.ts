import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD as PASSWORD, logIn, settled, shoot, VIEWPORTS } from './support/session.ts';

interface RoleCase {
  role: 'agency' | 'seller' | 'creator' | 'operator';
  email: string;
  label: string;
  /** Asserts the role's home shows real data from the server. */
  assertHome: (page: Page) => Promise<void>;
}

const ROLES: RoleCase[] = [
  {
    role: 'agency',
    email: 'agency@demo.test',
    label: 'Agency',
    assertHome: async (page) => {
      await expect(page.getByRole('heading', { name: 'Organisation profile' })).toBeVisible();
      await expect(page.getByTestId('agency-name')).toHaveText(/\S+/);
      await expect(page.getByRole('heading', { name: 'Recent notifications' })).toBeVisible();
    },
  },
  {
    role: 'seller',
    email: 'seller@demo.test',
    label: 'Seller',
    assertHome: async (page) => {
      // Shop codes look like THCBELNL4Y.
      await expect(page.getByTestId('shop-code')).toHaveText(/^[A-Z0-9]{6,16}$/);
      await expect(page.getByTestId('shop-name')).toHaveText(/\S+/);
      const rows = page.getByTestId('product-row');
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeGreaterThan(0);
      // Prices are formatted money, never raw decimals.
      await expect(rows.first().getByTestId('product-price')).toHaveText(/\d/);
    },
  },
  {
    role: 'creator',
    email: 'creator@demo.test',
    label: 'Creator',
    assertHome: async (page) => {
      await expect(page.getByTestId('creator-handle')).toHaveText(/^@\S+/);
      await expect(page.getByTestId('creator-followers')).toHaveText(/\d/);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    },
  },
  {
    role: 'operator',
    email: 'operator@demo.test',
    label: 'Operator',
    assertHome: async (page) => {
      const overview = page.getByTestId('platform-overview');
      await expect(overview).toBeVisible();
      await expect(overview.getByText('Agencies')).toBeVisible();
      await expect(overview.getByText('Shops')).toBeVisible();
    },
  },
];

for (const c of ROLES) {
  test(`${c.role}: logs in and sees real data on the home screen`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await logIn(page, c.email, PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/${c.role}$`));
    await expect(page.getByTestId('role-badge')).toHaveText(c.label);
    await c.assertHome(page);

    // The live socket authenticates with the session cookie and reports itself connected.
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByRole('button', { name: /^Notifications, / })).toBeVisible();
    await settled(page);
    await shoot(page, `${c.role}-home-desktop`);

    await page.setViewportSize(VIEWPORTS.phone);
    await c.assertHome(page);
    await settled(page);
    await shoot(page, `${c.role}-home-phone`);

    // Logging out returns to the login screen and the home is no longer reachable.
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(`/${c.role}`);
    await expect(page).toHaveURL(/\/login$/);
  });
}

test('demo account buttons fill the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Fill in the Seller demo account' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('seller@demo.test');
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveValue(PASSWORD);
});

test('a wrong password shows the error at the password field', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await logIn(page, 'agency@demo.test', 'not-the-password');
  const password = page.getByRole('textbox', { name: 'Password' });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  // The message is attached to the field (aria-describedby) and visible.
  await expect(password).toHaveAccessibleDescription(/\S/);
  const describedBy = await password.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy!.split(' ')[0]}"]`)).toBeVisible();
  await expect(password).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
  await shoot(page, 'login-wrong-password-desktop');
});
