import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeFindings, type Finding } from './support/axe.ts';
import { networkQuiet, openInApp } from './support/navigate.ts';
import { DESKTOP, PHONE, signedInPage } from './support/story.ts';
import { settled } from './support/session.ts';

/**
 * axe-core (WCAG 2.2 A and AA) on every page of every role, signed in, at desktop (1440) and phone (390) sizes, and
 * on the dialogs and drawers those pages open: zero violations of any impact beyond the reviewed exception list
 * (e2e/a11y-exceptions.ts).
 */
const ROLES = {
  agency: ['/agency', '/agency/campaigns', '/agency/campaigns/new', '/agency/lists', '/agency/samples', '/agency/orders', '/agency/bills', '/agency/payment-account', '/agency/notifications'],
  seller: ['/seller', '/seller/marketplace', '/seller/registrations', '/seller/samples', '/seller/performance', '/seller/orders', '/seller/integrations', '/seller/notifications'],
  creator: ['/creator', '/creator/offers', '/creator/showcase', '/creator/samples', '/creator/earnings', '/creator/earnings/orders', '/creator/earnings/payouts', '/creator/webhooks', '/creator/notifications'],
  operator: ['/operator', '/operator/finance', '/operator/notifications'],
} as const;

const SIZES = { desktop: DESKTOP, phone: PHONE } as const;

async function scan(page: Page, path: string, where: string): Promise<Finding[]> {
  await openInApp(page, path);
  await expect(page.locator('main')).toBeVisible();
  await settled(page);
  await networkQuiet(page);
  return axeFindings(page, where);
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.where} [${f.impact}] ${f.rule} ${f.target} — ${f.summary}`).join('\n');
}

async function firstDetail(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await openInApp(page, listPath);
  await settled(page);
  const link = page.locator(`main a[href]`).filter({ has: page.locator(':scope') });
  const hrefs = await link.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

for (const [role, paths] of Object.entries(ROLES)) {
  for (const [size, options] of Object.entries(SIZES)) {
    test(`axe: every ${role} page at ${size} size`, async ({ browser }: { browser: Browser }) => {
      test.setTimeout(480_000); // a dozen pages, each scanned whole, on a shared machine
      const page = await signedInPage(browser, `${role}@demo.test`, options);
      const findings: Finding[] = [];
      const all = [...paths] as string[];
      if (role === 'agency') {
        const campaign = await firstDetail(page, '/agency/campaigns', /^\/agency\/campaigns\/[^/]+$/);
        const list = await firstDetail(page, '/agency/lists', /^\/agency\/lists\/[^/]+$/);
        for (const p of [campaign, list]) if (p && !p.endsWith('/new')) all.push(p);
      }
      if (role === 'seller') {
        const campaign = await firstDetail(page, '/seller/marketplace', /^\/seller\/marketplace\/[^/]+$/);
        if (campaign) all.push(campaign, `${campaign}/register`);
      }
      for (const path of all) findings.push(...(await scan(page, path, `${role} ${size} ${path}`)));
      // The dialogs every role has: the notifications popover (the bell) and the account menu.
      await openInApp(page, paths[0]);
      await settled(page);
      await page.getByRole('button', { name: /^Notifications, / }).click();
      await expect(page.getByRole('dialog', { name: /^Notifications, / })).toBeVisible();
      await settled(page);
      findings.push(...(await axeFindings(page, `${role} ${size} bell popover`)));
      await page.keyboard.press('Escape');
      // The popover must be gone first: a click while it closes can land as its outside click.
      await expect(page.getByRole('dialog', { name: /^Notifications, / })).toHaveCount(0);
      await page.getByRole('button', { name: /^Account menu for / }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      findings.push(...(await axeFindings(page, `${role} ${size} account menu`)));
      await page.keyboard.press('Escape');
      expect(findings, report(findings)).toEqual([]);
      await page.context().close();
    });
  }
}
