/** The creator's earnings screens: overview, orders (with receipts), payouts (tax, bank, bills). */
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';

const TABS: { value: string; label: MessageKey }[] = [
  { value: '/creator/earnings', label: 'creator.earnings.tabs.overview' },
  { value: '/creator/earnings/orders', label: 'creator.earnings.tabs.orders' },
  { value: '/creator/earnings/payouts', label: 'creator.earnings.tabs.payouts' },
];

function EarningsTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.value === pathname.replace(/\/$/, ''))?.value ?? TABS[0]!.value;
  return <SegmentedControl fullWidth size="md" aria-label={t('creator.earnings.tabs.label')} value={current} onChange={(v) => navigate(v)} data={TABS.map((tab) => ({ value: tab.value, label: t(tab.label) }))} data-testid="earnings-tabs" />;
}

/** The earnings screens' heading, the screen's subtitle and the tabs (two items of the page's stack). */
export function EarningsHeader({ subtitle }: { subtitle: string }) {
  const t = useT();
  return (
    <>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('creator.earnings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {subtitle}
        </Text>
      </Stack>
      <EarningsTabs />
    </>
  );
}
