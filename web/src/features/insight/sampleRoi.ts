/** Helpers of the sample ROI panel (SampleRoiPanel.tsx). */
import type { Translate } from '../../i18n/context';
import { getDisplayLocale } from '../../lib/format';

export type RoiCampaign = { id: string; name: string };

/** GMV over cost as a multiple ("2.75×", "2,75×" in Vietnamese), from basis points; a dash without a shipped sample. */
export function costMultiple(bps: number | null | undefined, t: Translate, locale: string = getDisplayLocale()): string {
  if (bps == null) return t('roi.noCost');
  const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bps / 10000);
  return t('roi.multiple', { value });
}

/** The distinct campaigns of some sample rows, in their order (the ROI panel's choices). */
export function roiCampaigns(rows: { campaign?: RoiCampaign | null }[]): RoiCampaign[] {
  const seen = new Map<string, RoiCampaign>();
  for (const row of rows) if (row.campaign && !seen.has(row.campaign.id)) seen.set(row.campaign.id, { id: row.campaign.id, name: row.campaign.name });
  return [...seen.values()];
}
