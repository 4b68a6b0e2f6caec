/** Helpers of the sample ROI panel (SampleRoiPanel.tsx). */
import type { Translate } from '../../i18n/context';

export type RoiCampaign = { id: string; name: string };

/** GMV over cost as a multiple ("2.75×"), from basis points; a dash without a shipped sample. */
export function costMultiple(bps: number | null | undefined, t: Translate): string {
  return bps == null ? t('roi.noCost') : t('roi.multiple', { value: (bps / 10000).toFixed(2) });
}

/** The distinct campaigns of some sample rows, in their order (the ROI panel's choices). */
export function roiCampaigns(rows: { campaign?: RoiCampaign | null }[]): RoiCampaign[] {
  const seen = new Map<string, RoiCampaign>();
  for (const row of rows) if (row.campaign && !seen.has(row.campaign.id)) seen.set(row.campaign.id, { id: row.campaign.id, name: row.campaign.name });
  return [...seen.values()];
}
