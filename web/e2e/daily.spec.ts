import { expect, test } from '@playwright/test';
import { DESKTOP, signedInPage, snap } from './support/story.ts';

/**
 * The agency's and seller's daily work: duplicate a campaign into a draft and delete the draft, the closing-soon
 * sort and the registration-open filter, the registration filters, "preview as creator", and a seller changing
 * a pending registration's terms (seen in its history), and the agency changing the markets it serves (a market
 * with open campaigns cannot be dropped; the answer names them).
 */

function wallTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}


const DAY = 86_400_000;

test('agency: duplicate a campaign into a draft, find it, delete it; closing-soon sort and open-now filter', async ({ browser }) => {
  test.setTimeout(180_000);
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  const rows = agency.getByTestId('campaign-row');
  await expect(rows.first()).toBeVisible();
  const source = rows.filter({ hasText: 'Glow Up Beauty Month' });
  await source.getByTestId('campaign-actions').click();
  await agency.getByRole('menuitem', { name: 'Duplicate as new draft' }).click();
  const dialog = agency.getByRole('dialog', { name: /Duplicate/ });
  const name = `Glow Up again ${Date.now() % 100_000}`;
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  // A start in the past is refused by the server at its field.
  await dialog.getByLabel('Campaign start').fill(wallTime(new Date(Date.now() - DAY), 'Asia/Bangkok'));
  await dialog.getByLabel('Registration ends').fill(wallTime(new Date(Date.now() + 5 * DAY), 'Asia/Bangkok'));
  await dialog.getByLabel('Campaign end').fill(wallTime(new Date(Date.now() + 10 * DAY), 'Asia/Bangkok'));
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(dialog.getByLabel('Campaign start')).toHaveAttribute('aria-invalid', 'true');
  await snap(agency, 'daily-duplicate-error-desktop');
  await dialog.getByLabel('Campaign start').fill(wallTime(new Date(Date.now() + DAY), 'Asia/Bangkok'));
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(agency.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(agency.getByTestId('campaign-status').first()).toHaveAttribute('data-status', 'READY');

  // Closing soon, registration open now: only open campaigns, soonest registration end first (the choices live
  // in the address, so the view can be bookmarked).
  await agency.goto('/agency/campaigns?sort=closing-soon&open=1');
  await expect(agency.getByRole('switch', { name: 'Registration open now' })).toBeChecked();
  await expect(agency.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Registration closing soon');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: /Registration open until/ })).toHaveCount(0);
  await expect(rows.filter({ hasText: name })).toHaveCount(0); // the draft takes no registrations
  await snap(agency, 'daily-campaigns-closing-soon-desktop');
  await agency.goto('/agency/campaigns');

  // Delete the draft: it was never published.
  const draft = rows.filter({ hasText: name });
  await expect(draft).toHaveCount(1);
  await draft.getByTestId('campaign-actions').click();
  await agency.getByRole('menuitem', { name: 'Delete draft…' }).click();
  await snap(agency, 'daily-delete-confirm-desktop');
  await agency.getByRole('dialog', { name: 'Delete this draft?' }).getByRole('button', { name: 'Delete draft' }).click();
  await expect(draft).toHaveCount(0);
  // A published campaign offers no delete.
  await source.getByTestId('campaign-actions').click();
  await expect(agency.getByRole('menuitem', { name: 'Delete draft…' })).toHaveCount(0);
  await agency.keyboard.press('Escape');
  await agency.context().close();
});

test('agency: preview a share link as a creator sees it, with no creator action', async ({ browser }) => {
  test.setTimeout(90_000);
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await agency.getByRole('link', { name: 'Product lists' }).click();
  const listLinks = agency.getByTestId('list-row').getByRole('link');
  await expect(listLinks.first()).toBeVisible();
  await listLinks.first().click();
  const card = agency.getByTestId('share-link-card');
  await expect(card).toBeVisible();
  if ((await card.getByRole('link', { name: 'Preview as creator' }).count()) === 0) {
    await card.getByRole('button', { name: /Create (share )?link/ }).click();
  }
  await card.getByRole('link', { name: 'Preview as creator' }).click();
  await expect(agency.getByTestId('preview-banner')).toBeVisible();
  const preview = agency.getByTestId('creator-preview');
  await expect(preview.getByTestId('offer-item').first()).toBeVisible();
  await expect(preview.getByTestId('offer-rate').first()).toHaveText(/%$/);
  // Nothing a creator does is offered: no selection, no terms, no add button.
  await expect(preview.getByRole('checkbox')).toHaveCount(0);
  await expect(agency.getByRole('button', { name: /^Add/ })).toHaveCount(0);
  await snap(agency, 'daily-preview-as-creator-desktop');
  await agency.context().close();
});

test('seller: change a pending registration’s terms in place; the history shows it, the agency sees it live', async ({ browser }) => {
  test.setTimeout(90_000);
  const seller = await signedInPage(browser, 'seller@demo.test', DESKTOP);
  await seller.getByRole('link', { name: 'My registrations', exact: true }).click();
  const pending = seller.getByTestId('my-registration-row').and(seller.locator('[data-status="PENDING"]'));
  await expect(pending.first()).toBeVisible();
  const campaign = 'Glow Up Beauty Month'; // a campaign of agency@demo.test's
  const row = pending.filter({ hasText: campaign }).first();
  const title = (await row.locator('p').first().innerText()).trim();

  // The agency has the campaign's registrations open: the change reaches its row live.
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await agency.goto('/agency/campaigns');
  await agency.getByRole('link', { name: campaign, exact: true }).first().click();
  const agencyRow = agency.getByTestId('registration-row').filter({ hasText: title }).first();
  await expect(agencyRow).toBeVisible();
  await agency.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await seller.getByRole('menuitem', { name: 'Change terms…' }).click();
  const dialog = seller.getByRole('dialog', { name: 'Change the terms' });
  const rate = dialog.getByRole('textbox', { name: 'Total commission' });
  await rate.fill('1');
  await dialog.getByRole('button', { name: 'Save terms' }).click();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  const newRate = `${20 + (Date.now() % 20)}.5`;
  await rate.fill(newRate);
  await snap(seller, 'daily-terms-edit-desktop');
  await dialog.getByRole('button', { name: 'Save terms' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  const same = seller.getByTestId('my-registration-row').filter({ hasText: title }).first();
  await expect(same).toContainText(`${newRate}%`);
  await expect(same).toHaveAttribute('data-status', 'PENDING');
  await expect(agencyRow).toContainText(`${newRate}%`);
  expect(await agency.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await agency.context().close();
  await same.getByRole('button', { name: /^History of/ }).click();
  await expect(seller.getByTestId('registration-history')).toContainText('Terms changed while pending');
  await snap(seller, 'daily-terms-history-desktop');
  await seller.context().close();
});

test('agency: change the markets it serves; a market with open campaigns cannot be dropped', async ({ browser }) => {
  test.setTimeout(90_000);
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  const served = agency.getByTestId('markets-served');
  await expect(served).toContainText('Thailand');
  const change = async (toggle: string[]) => {
    await served.getByRole('button', { name: 'Change markets' }).click();
    const dialog = agency.getByRole('dialog', { name: 'Markets you serve' });
    for (const label of toggle) await dialog.getByRole('checkbox', { name: label }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    return dialog;
  };

  // Thailand runs open campaigns: refused, naming them; nothing changes.
  const refused = await change(['Thailand (TH)']);
  await expect(refused.getByTestId('markets-error')).toContainText('open campaign');
  await snap(agency, 'daily-markets-in-use-desktop');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(served).toContainText('Thailand');

  // A new market is added at once, and dropped again (it has no campaign).
  await expect(await change(['United Kingdom (GB)'])).toHaveCount(0);
  await expect(served).toContainText('United Kingdom');
  await expect(await change(['United Kingdom (GB)'])).toHaveCount(0);
  await expect(served).not.toContainText('United Kingdom');
  await agency.context().close();
});
