/** The creator's payouts (phone first): tax info for review, the bank account (after approval), balances, bills. */
import { Stack, Title } from '@mantine/core';
import { PaymentAccountView } from '../../../features/finance/PaymentAccountView';
import { PayeeBills } from '../../../features/finance/PayeeBills';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';
import { EarningsHeader } from './EarningsHeader';

export function CreatorPayoutsPage() {
  const t = useT();
  const viewer = useViewer();
  return (
    <Stack gap="md">
      <EarningsHeader subtitle={t('creator.earnings.payouts.subtitle')} />
      <PaymentAccountView compact />
      <Stack gap="sm" component="section" aria-labelledby="creator-bills-title">
        <Title order={2} size="h4" id="creator-bills-title">
          {t('creator.earnings.payouts.bills')}
        </Title>
        <PayeeBills layout="cards" timeZone={marketTimeZone(viewer.organisation.market)} />
      </Stack>
    </Stack>
  );
}
