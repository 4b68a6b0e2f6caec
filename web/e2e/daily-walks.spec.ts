import { expect, test, type Page } from '@playwright/test';
import { apiAs, DESKTOP, signedInPage, snap } from './support/story.ts';

/**
 * More of the agency's and seller's daily work, walked in the browser: archiving a closed campaign (out of the
 * default list, still readable through "Show archived"), bulk decisions on cancellation requests with per-item
 * results, the registration filters by posted content and registration days, and the seller's marketplace
 * following a campaign-level change live (a campaign published while the page is open, no reload).
 */

const DAY = 86_400_000;
const BANGKOK = 'Asia/Bangkok';


/** A GraphQL client signed in as a demo user, for the other side of a walk. */
type Gql = Awaited<ReturnType<typeof apiAs>>;

async function campaignId(gql: Gql, name: string): Promise<string> {
  const data = await gql('query($s: String) { campaigns(first: 5, filter: { search: $s }) { edges { node { id name } } } }', { s: name });
  const node = data.campaigns.edges.map((e: { node: { id: string; name: string } }) => e.node).find((n: { name: string }) => n.name === name);
  expect(node).toBeTruthy();
  return node.id as string;
}

type Reg = { id: string; status: string; registeredAt: string; product: { title: string } | null };

async function registrationsOf(gql: Gql, id: string, extra: Record<string, unknown> = {}): Promise<Reg[]> {
  const data = await gql(
    'query($f: RegistrationFilter) { registrations(first: 100, filter: $f) { edges { node { id status registeredAt product { title } } } } }',
    { f: { campaignId: id, ...extra } },
  );
  return data.registrations.edges.map((e: { node: Reg }) => e.node);
}

function bangkokDay(at: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BANGKOK, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

async function openCampaign(agency: Page, name: string) {
  await agency.goto('/agency/campaigns');
  await agency.getByTestId('campaign-row').getByRole('link', { name, exact: true }).click();
  await expect(agency.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(agency.getByTestId('registration-row').first()).toBeVisible();
}

test('agency: archive a closed campaign; it leaves the list, "Show archived" still reads it; bring it back', async ({ browser }) => {
  test.setTimeout(120_000);
  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await agency.goto('/agency/campaigns');
  const rows = agency.getByTestId('campaign-row');
  const closed = rows.filter({ hasText: 'Back to School Tech' });
  await expect(closed).toHaveCount(1);
  await closed.getByTestId('campaign-actions').click();
  await agency.getByRole('menuitem', { name: 'Archive', exact: true }).click();
  await expect(agency.getByRole('alert').filter({ hasText: 'Campaign archived' })).toBeVisible();
  await expect(closed).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Glow Up Beauty Month' })).toHaveCount(1); // the others stay

  // The archive filter finds it, marked, and it still opens.
  await expect(agency.getByRole('switch', { name: 'Show archived' })).not.toBeChecked();
  await agency.goto('/agency/campaigns?archived=1'); // the switch's state lives in the address
  await expect(agency.getByRole('switch', { name: 'Show archived' })).toBeChecked();
  await expect(closed).toHaveCount(1);
  await expect(closed.getByText('Archived', { exact: true })).toBeVisible();
  await expect(rows.filter({ hasText: 'Glow Up Beauty Month' })).toHaveCount(0);
  await snap(agency, 'daily-archive-filter-desktop');
  await closed.getByRole('link', { name: 'Back to School Tech' }).click();
  await expect(agency.getByRole('heading', { name: 'Back to School Tech', level: 1 })).toBeVisible();
  await expect(agency.getByTestId('campaign-status').first()).toHaveAttribute('data-status', 'CLOSED');
  await expect(agency.getByTestId('registration-row').first()).toBeVisible();

  // Bring it back: the default list shows it again.
  await agency.goBack();
  await closed.getByTestId('campaign-actions').click();
  await agency.getByRole('menuitem', { name: 'Bring back from archive' }).click();
  await expect(agency.getByRole('alert').filter({ hasText: 'Campaign restored' })).toBeVisible();
  await agency.goto('/agency/campaigns');
  await expect(closed).toHaveCount(1);
  await expect(closed.getByText('Archived', { exact: true })).toHaveCount(0);
  await agency.context().close();
});

test('agency: decide several cancellation requests at once, with one result per request', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL });
  // The seller asks to leave with two approved products of Glow Up Beauty Month.
  const seller = await apiAs(api, 'seller@demo.test');
  const id = await campaignId(seller, 'Glow Up Beauty Month');
  const approved = (await registrationsOf(seller, id, { status: ['APPROVED'] })).slice(0, 2);
  expect(approved).toHaveLength(2);
  for (const r of approved) {
    const asked = await seller(
      'mutation($i: RegistrationCancellationRequestInput!) { registrationCancellationRequest(input: $i) { userErrors { code message } } }',
      { i: { id: r.id, reason: 'Out of stock until next month' } },
    );
    expect(asked.registrationCancellationRequest.userErrors).toEqual([]);
  }
  await api.dispose();
  const titles = approved.map((r) => r.product!.title);

  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await openCampaign(agency, 'Glow Up Beauty Month');
  const requested = agency.getByTestId('registration-row').and(agency.locator('[data-status="PENDING_CLOSED"]'));
  for (const title of titles) {
    const row = requested.filter({ hasText: title }).first();
    await expect(row).toBeVisible();
    await row.getByRole('checkbox', { name: `Select ${title}` }).check();
  }
  const bar = agency.getByTestId('bulk-bar');
  await expect(bar).toContainText('2 selected');
  await snap(agency, 'daily-bulk-cancellations-selected-desktop');
  await bar.getByRole('button', { name: 'Approve 2 cancellations' }).click();

  const results = agency.getByTestId('review-results');
  await expect(results).toBeVisible();
  for (const title of titles) await expect(results).toContainText(title);
  await expect(results).toContainText('2 closed (cancellation approved)');
  await expect(results.getByRole('listitem').filter({ hasText: '— Closed' })).toHaveCount(2);
  await snap(agency, 'daily-bulk-cancellations-results-desktop');
  for (const title of titles) {
    await expect(agency.getByTestId('registration-row').filter({ hasText: title }).and(agency.locator('[data-status="CLOSED"]')).first()).toBeVisible();
  }
  await agency.context().close();
});

test('agency: filter registrations by posted content and by registration days', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL });
  const gql = await apiAs(api, 'agency@demo.test');
  const id = await campaignId(gql, 'Glow Up Beauty Month');
  const all = await registrationsOf(gql, id);
  const withContent = await registrationsOf(gql, id, { hasContent: true });
  const withoutContent = await registrationsOf(gql, id, { hasContent: false });
  await api.dispose();
  expect(withContent.length).toBeGreaterThan(0);
  expect(withContent.length + withoutContent.length).toBe(all.length);
  // The earliest registration day in the market's zone, and the day before it (which holds none).
  const days = [...new Set(all.map((r) => bangkokDay(r.registeredAt)))].sort();
  const day = days[0]!;
  const onDay = all.filter((r) => bangkokDay(r.registeredAt) === day);
  const dayBefore = bangkokDay(new Date(Date.parse(`${day}T12:00:00+07:00`) - DAY).toISOString());

  const agency = await signedInPage(browser, 'agency@demo.test', DESKTOP);
  await openCampaign(agency, 'Glow Up Beauty Month');
  const rows = agency.getByTestId('registration-row');
  const table = agency.getByTestId('registration-table');

  const content = agency.getByRole('combobox', { name: 'Posted content' });
  await content.click();
  await agency.getByRole('option', { name: 'With content', exact: true }).click();
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect(rows).toHaveCount(withContent.length);
  for (const r of withContent) await expect(rows.filter({ hasText: r.product!.title }).first()).toBeVisible();
  await snap(agency, 'daily-filter-content-desktop');
  await content.click();
  await agency.getByRole('option', { name: 'No content yet', exact: true }).click();
  await expect(rows).toHaveCount(Math.min(withoutContent.length, 20));
  await content.click();
  await agency.getByRole('option', { name: 'Any', exact: true }).click();

  // A range that ends before it starts is refused at its field.
  await agency.getByLabel('Registered from').fill(day);
  await agency.getByLabel('Registered until').fill(dayBefore);
  await expect(agency.getByRole('alert').filter({ hasText: 'Before the first day' })).toBeVisible();
  // Up to the day before the first registration: none.
  await agency.getByLabel('Registered from').fill(dayBefore);
  await expect(agency.getByText('No registrations match these filters')).toBeVisible();
  // That first day: exactly its registrations.
  await agency.getByLabel('Registered until').fill(day);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect(rows).toHaveCount(Math.min(onDay.length, 20));
  for (const r of onDay.slice(0, 20)) await expect(rows.filter({ hasText: r.product!.title }).first()).toBeVisible();
  await snap(agency, 'daily-filter-registered-days-desktop');
  await agency.context().close();
});

test('seller: the marketplace shows a campaign the moment it is published and drops it when unpublished, live', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const seller = await signedInPage(browser, 'seller@demo.test', DESKTOP);
  await seller.goto('/seller/marketplace');
  const cards = seller.getByTestId('marketplace-card');
  await expect(cards.first()).toBeVisible();
  const name = `Live Glow ${Date.now() % 100_000}`;
  await seller.getByRole('searchbox', { name: 'Search' }).fill(name);
  await expect(cards).toHaveCount(0);

  // The agency makes a new draft (sellers never see drafts), then publishes it, then takes it back.
  const api = await playwright.request.newContext({ baseURL });
  const agency = await apiAs(api, 'agency@demo.test');
  const source = await campaignId(agency, 'Glow Up Beauty Month');
  const now = Date.now();
  const made = await agency(
    'mutation($i: CampaignDuplicateInput!) { campaignDuplicate(input: $i) { campaign { id } userErrors { field code message } } }',
    {
      i: {
        id: source,
        name,
        campaignStart: new Date(now + DAY).toISOString(),
        registrationEnd: new Date(now + 8 * DAY).toISOString(),
        campaignEnd: new Date(now + 20 * DAY).toISOString(),
      },
    },
  );
  expect(made.campaignDuplicate.userErrors).toEqual([]);
  const id = made.campaignDuplicate.campaign.id as string;
  const publish = async (published: boolean) => {
    const answer = await agency('mutation($i: CampaignPublishInput!) { campaignPublish(input: $i) { userErrors { code message } } }', { i: { id, published } });
    expect(answer.campaignPublish.userErrors).toEqual([]);
  };
  try {
    await publish(true);
    // No reload: the page heard `PUBLISHED` and refetched.
    await expect(cards.filter({ hasText: name })).toHaveCount(1, { timeout: 20_000 });
    await expect(cards.filter({ hasText: name }).getByText('Upcoming')).toBeVisible();
    await snap(seller, 'daily-marketplace-live-published-desktop');
    await publish(false);
    // No reload either: the page heard `UNPUBLISHED` (by id only) and refetched.
    await expect(cards.filter({ hasText: name })).toHaveCount(0, { timeout: 20_000 });
  } finally {
    await publish(false).catch(() => undefined); // leave no published copy behind for other walks
    await api.dispose();
  }
  await seller.context().close();
});
