export function listPath(id: string): string {
  return `/agency/lists/${encodeURIComponent(id)}`;
}

export function campaignListsPath(campaignId: string): string {
  return `/agency/lists?campaign=${encodeURIComponent(campaignId)}`;
}

/** The CSV of a campaign's approved products with their lists, links and rates (cookie-authorised download). */
export function approvedProductsCsvUrl(campaignId: string): string {
  return `/exports/campaigns/${encodeURIComponent(campaignId)}/approved-products.csv`;
}
