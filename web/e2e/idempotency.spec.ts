import { expect, test } from '@playwright/test';
import { logIn, VIEWPORTS } from './support/session.ts';
import { graphql } from './support/story.ts';

test('a double click on a create button creates one thing', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await logIn(page, 'seller2@demo.test');
  await expect(page).toHaveURL(/\/seller$/);
  const name = `Double click ${Date.now()}`;
  await page.getByRole('link', { name: 'Integrations' }).click();
  await page.getByRole('button', { name: 'New key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New integration key' });
  await dialog.getByRole('textbox', { name: 'Key name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create key' }).dblclick();
  await expect(page.getByRole('dialog', { name: `Key “${name}” created` })).toBeVisible();
  const keys = await graphql<{ integrationKeys: { edges: { node: { name: string } }[] } }>(
    page,
    '{ integrationKeys(first: 100) { edges { node { name } } } }',
  );
  expect(keys.integrationKeys.edges.filter((e) => e.node.name === name)).toHaveLength(1);
});
