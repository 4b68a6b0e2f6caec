import { expect, test, type Browser, type Page } from '@playwright/test';
import { settled, shoot } from './support/session.ts';
import { expectNoHorizontalScroll } from './support/layout.ts';
import { DESKTOP, PHONE, signedInPage } from './support/story.ts';

/**
 * Terms histories beside what they describe, live: the agency and a seller registered in a campaign both read its
 * history, and the change the agency schedules appears in the seller's open history without a reload (the seller
 * sees who acted as a role; the agency sees its own person). The creator reads its own rate history on a showcase
 * entry and a sample's steps on a phone.
 */

function signIn(browser: Browser, email: string, phone = false): Promise<Page> {
  return signedInPage(browser, email, phone ? PHONE : DESKTOP);
}

test('a campaign change the agency schedules appears in the registered seller’s open history, live', async ({ browser }) => {
  test.setTimeout(90_000);
  const agency = await signIn(browser, 'agency@demo.test');
  await agency.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
  await agency.getByRole('link', { name: 'Skin Basics All Year' }).first().click();
  await expect(agency).toHaveURL(/\/agency\/campaigns\/[^/]+$/);
  const campaignId = agency.url().split('/').pop()!;
  await agency.getByRole('tab', { name: 'History' }).click();
  const agencyHistory = agency.getByTestId('campaign-history');
  await expect(agencyHistory.getByTestId('terms-event').first()).toContainText('Campaign created');
  // The agency reads its own person's name; the organisation and role follow.
  await expect(agencyHistory.getByTestId('terms-event-actor').first()).toHaveText(/^.+, Northstar Partners \(Agency\)$/);

  const seller = await signIn(browser, 'seller@demo.test');
  await seller.goto(`/seller/marketplace/${campaignId}`);
  const sellerHistory = seller.getByTestId('campaign-history');
  await expect(sellerHistory.getByTestId('terms-event').first()).toContainText('Campaign created');
  await expect(sellerHistory.getByTestId('terms-event-actor').first()).toHaveText('Agency'); // a role, no name
  const before = await sellerHistory.getByTestId('terms-event').count();

  // --- the agency schedules a change (the campaign is published: it applies later)
  await agency.getByRole('link', { name: 'Edit' }).click();
  const description = agency.getByRole('textbox', { name: 'Description' });
  await description.fill('Everyday skincare basics, all year round. Now with sunscreen bundles.');
  await agency.getByRole('button', { name: 'Schedule change' }).click();
  await expect(agency).toHaveURL(new RegExp(`/agency/campaigns/${campaignId.replace(/[=+/]/g, '\\$&')}$`));

  // --- the seller's history, still open, shows it without a reload
  await expect(sellerHistory.getByTestId('terms-event')).toHaveCount(before + 1);
  const scheduled = sellerHistory.getByTestId('terms-event').last();
  await expect(scheduled).toHaveAttribute('data-action', 'campaign.change.request');
  await expect(scheduled).toContainText('Change scheduled');
  await expect(scheduled.getByTestId('terms-change').filter({ hasText: 'Description' })).toContainText('Now with sunscreen bundles.');
  await scheduled.scrollIntoViewIfNeeded();
  await settled(seller);
  await shoot(seller, 'seller-campaign-history-desktop');

  await agency.getByRole('tab', { name: 'History' }).click();
  await expect(agency.getByTestId('campaign-history').getByTestId('terms-event').last()).toContainText('Change scheduled');
  await settled(agency);
  await shoot(agency, 'agency-campaign-history-desktop');
  await agency.context().close();
  await seller.context().close();
});

test('a creator reads its own rate history and a sample’s steps on a phone', async ({ browser }) => {
  const creator = await signIn(browser, 'creator@demo.test', true);
  await creator.goto('/creator/showcase');
  const entry = creator.getByTestId('showcase-entry').first();
  await expect(entry).toBeVisible({ timeout: 20_000 });
  await entry.getByTestId('showcase-history-open').click();
  const drawer = creator.getByRole('dialog');
  const history = drawer.getByTestId('showcase-history');
  await expect(history.getByTestId('terms-event').first()).toContainText('Added to your showcase');
  await expect(history.getByTestId('terms-change').filter({ hasText: 'Your rate' }).first()).toContainText('%');
  await expectNoHorizontalScroll(creator);
  await settled(creator);
  await shoot(creator, 'creator-rate-history-phone');
  await drawer.getByRole('button', { name: 'Close history' }).click();

  await creator.goto('/creator/samples');
  const sample = creator.getByTestId('creator-sample').first();
  await expect(sample).toBeVisible({ timeout: 20_000 });
  await sample.getByTestId('sample-history-open').click();
  const steps = creator.getByRole('dialog').getByTestId('sample-history');
  await expect(steps.getByTestId('terms-event').first()).toBeVisible();
  await expectNoHorizontalScroll(creator);
  await settled(creator);
  await shoot(creator, 'creator-sample-history-phone');
  await creator.context().close();
});
