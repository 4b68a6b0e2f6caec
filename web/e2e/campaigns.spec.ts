import { expect, test } from '@playwright/test';
import { VIEWPORTS } from './support/session.ts';
import { DESKTOP, markNoReload, signedInPage, snap, stillNoReload, wallTime } from './support/story.ts';

const DAY = 86_400_000;
const BANGKOK = 'Asia/Bangkok';

test('campaign story: create and publish, a seller registers two products, the agency reviews, both see it live', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `E2E Glow ${Date.now() % 100_000}`;

  // --- the agency creates the campaign; a rule broken while typing shows at its field first
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await agency.getByRole('link', { name: 'New campaign' }).click();
  await expect(agency.getByRole('heading', { name: 'New campaign' })).toBeVisible();

  const nameField = agency.getByRole('textbox', { name: 'Campaign name' });
  await nameField.fill('x'.repeat(50));
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/at most 49 characters \(50 now\)/);
  await snap(agency, 'campaign-form-error-desktop');
  await nameField.fill(name);
  await expect(nameField).not.toHaveAttribute('aria-invalid', 'true');

  await agency.getByRole('combobox', { name: 'Market' }).click();
  await agency.getByRole('option', { name: 'Thailand' }).click();
  await agency.getByRole('textbox', { name: 'Description' }).fill('Year-end skincare push with creators in Thailand.');
  await agency.getByRole('textbox', { name: 'Commission requirement' }).fill('12.5');
  // The campaign must start in the future and registration opens at its start, so the seller waits for it: the start
  // is taken as the dates are typed, with room for the rest of the form on a busy machine.
  const start = new Date(Date.now() + 20_000);
  await agency.getByLabel('Campaign start').fill(wallTime(start, BANGKOK));
  await agency.getByLabel('Campaign end').fill(wallTime(new Date(start.getTime() + 30 * DAY), BANGKOK));
  await agency.getByLabel('Registration closes').fill(wallTime(new Date(start.getTime() + 20 * DAY), BANGKOK));
  await agency.getByRole('textbox', { name: 'Contact email' }).fill('team@northstar.test');
  // Thailand needs LINE: the field asks for a LINE ID.
  await agency.getByRole('textbox', { name: 'LINE ID' }).fill('@northstar');
  await expect(agency.getByTestId('registration-start')).toHaveValue(/GMT\+7/);
  await agency.getByRole('button', { name: 'Create campaign' }).click();

  await expect(agency.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(agency.getByTestId('campaign-status').first()).toHaveAttribute('data-status', 'READY');

  // --- publish
  await agency.getByTestId('publish-toggle').click();
  await agency.getByRole('dialog', { name: 'Publish this campaign?' }).getByRole('button', { name: 'Publish' }).click();
  await expect(agency.getByTestId('campaign-status').first()).toHaveAttribute('data-status', /UPCOMING|ONGOING/);
  await snap(agency, 'campaign-detail-published-desktop');

  // --- the seller, in its own browser context, waits for the start and finds the campaign
  const seller = await signedInPage(browser, 'seller@demo.test', DESKTOP);
  const untilStart = start.getTime() - Date.now() + 1_500;
  if (untilStart > 0) await seller.waitForTimeout(untilStart);
  await seller.getByRole('link', { name: 'Campaign marketplace' }).click();
  await seller.getByRole('searchbox', { name: 'Search' }).fill(name);
  const card = seller.getByTestId('marketplace-card').filter({ hasText: name });
  await expect(card).toHaveCount(1);
  await expect(card.getByText(/Registration open until/)).toBeVisible();
  await expect(card.getByTestId('card-requirement')).toHaveText('12.5%');
  await snap(seller, 'marketplace-desktop');
  await card.getByRole('link', { name: `View ${name}` }).click();
  await expect(seller.getByTestId('commission-requirement')).toHaveText('12.5%');
  await snap(seller, 'seller-campaign-desktop');
  await seller.getByRole('link', { name: 'Register products' }).click();

  // --- register two products; a rate below the requirement is caught before submitting
  const pickable = seller.getByTestId('pick-row').filter({ has: seller.getByRole('checkbox', { disabled: false }) });
  await expect(pickable.first()).toBeVisible();
  const titles: string[] = [];
  for (const i of [0, 1]) {
    const row = pickable.nth(i);
    titles.push((await row.locator('p').first().innerText()).trim());
    await row.getByRole('checkbox').check();
  }
  const [approvedTitle, rejectedTitle] = titles as [string, string];
  const secondRate = seller.getByRole('textbox', { name: `Total rate for ${rejectedTitle}` });
  await secondRate.fill('10');
  await seller.getByRole('button', { name: 'Register 2 products' }).click();
  await expect(secondRate).toHaveAttribute('aria-invalid', 'true');
  await expect(secondRate).toHaveAccessibleDescription(/at least 12\.5 ?%/);
  await secondRate.fill('15');
  // The cost preview is integer math in the campaign currency.
  await expect(seller.getByTestId('cost-preview').nth(1)).toContainText('(15%)');
  await snap(seller, 'register-products-desktop');

  await markNoReload(agency);
  await seller.getByRole('button', { name: 'Register 2 products' }).click();
  await expect(seller.getByTestId('register-success')).toContainText('2 products registered');

  // --- the agency sees both registrations appear live, without a reload
  const agencyRows = agency.getByTestId('registration-row');
  await expect(agencyRows).toHaveCount(2);
  await expect(agency.getByTestId('count-To review')).toHaveText('2');
  await stillNoReload(agency);
  await snap(agency, 'campaign-registrations-live-desktop');

  // --- the seller watches its registrations
  await seller.getByRole('link', { name: 'My registrations', exact: true }).click();
  const sellerRow = (title: string) => seller.getByTestId('my-registration-row').filter({ hasText: title }).filter({ hasText: name });
  await expect(sellerRow(approvedTitle)).toHaveAttribute('data-status', 'PENDING');
  await expect(sellerRow(rejectedTitle)).toHaveAttribute('data-status', 'PENDING');
  await markNoReload(seller);

  // --- the agency approves one and rejects the other with a reason
  await agency.getByRole('button', { name: `Approve ${approvedTitle}` }).click();
  await expect(agencyRows.filter({ hasText: approvedTitle })).toHaveAttribute('data-status', 'APPROVED');
  await agency.getByRole('button', { name: `Reject ${rejectedTitle}` }).click();
  const dialog = agency.getByRole('dialog', { name: /^Reject/ });
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(dialog.getByRole('combobox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('combobox', { name: 'Reason' }).click();
  await agency.getByRole('option', { name: 'Commission too low' }).click();
  await dialog.getByRole('textbox', { name: 'Note to the seller' }).fill('Please offer at least 20 %.');
  await snap(agency, 'reject-dialog-desktop');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(agencyRows.filter({ hasText: rejectedTitle })).toHaveAttribute('data-status', 'REJECTED');
  await expect(agency.getByTestId('count-To review')).toHaveText('0');

  // --- the seller sees both decisions arrive live
  await expect(sellerRow(approvedTitle)).toHaveAttribute('data-status', 'APPROVED');
  await expect(sellerRow(rejectedTitle)).toHaveAttribute('data-status', 'REJECTED');
  await expect(sellerRow(rejectedTitle)).toContainText('Commission too low: Please offer at least 20 %.');
  await stillNoReload(seller);
  await snap(seller, 'my-registrations-desktop');

  // The history drawer tells who decided what.
  await sellerRow(rejectedTitle).getByRole('button', { name: `History of ${rejectedTitle}` }).click();
  const history = seller.getByTestId('registration-history');
  await expect(history).toContainText('Registered');
  await expect(history).toContainText('Rejected');
  await expect(history).toContainText('Commission too low');
  await snap(seller, 'registration-history-desktop');
  await seller.keyboard.press('Escape');

  // Seller pages at phone width.
  await seller.setViewportSize(VIEWPORTS.phone);
  await expect(sellerRow(approvedTitle)).toBeVisible();
  await snap(seller, 'my-registrations-phone');
  await seller.getByRole('button', { name: 'Open navigation' }).click();
  await seller.getByRole('link', { name: 'Campaign marketplace' }).click();
  await expect(seller.getByTestId('marketplace-card').first()).toBeVisible();
  await snap(seller, 'marketplace-phone');

  // The agency's list shows the campaign with its counts.
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
  const listRow = agency.getByTestId('campaign-row').filter({ hasText: name });
  await expect(listRow.getByTestId('registration-total')).toHaveText('2');
  await snap(agency, 'campaigns-list-desktop');

  await agency.context().close();
  await seller.context().close();
});
