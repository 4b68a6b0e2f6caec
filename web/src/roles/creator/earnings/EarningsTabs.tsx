/** The creator's earnings screens: overview, orders (with receipts), payouts (tax, bank, bills). */
import { SegmentedControl } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/creator/earnings', label: 'Overview' },
  { value: '/creator/earnings/orders', label: 'Orders' },
  { value: '/creator/earnings/payouts', label: 'Payouts' },
];

export function EarningsTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.value === pathname.replace(/\/$/, ''))?.value ?? TABS[0]!.value;
  return <SegmentedControl fullWidth size="md" aria-label="Earnings sections" value={current} onChange={(v) => navigate(v)} data={TABS} data-testid="earnings-tabs" />;
}
