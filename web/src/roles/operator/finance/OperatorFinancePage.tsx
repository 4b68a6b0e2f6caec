/** The operator's finance desk: the tax review queue, every payee's payment account, bills and payout runs. */
import { Tabs } from '@mantine/core';
import { IconCash, IconFileCertificate, IconUsers } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { BillsAndPayouts } from './BillsAndPayouts';
import { PaymentAccountsTable } from './PaymentAccountsTable';
import { TaxReviewQueue } from './TaxReviewQueue';
import { useT } from '../../../i18n/context';

const TABS = ['reviews', 'accounts', 'bills'] as const;

export function OperatorFinancePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'reviews';
  return (
    <>
      <PageHeader title={t('operator.finance.title')} description={t('operator.finance.description')} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'reviews' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="reviews" leftSection={<IconFileCertificate size={16} aria-hidden />}>
            {t('operator.finance.tabReviews')}
          </Tabs.Tab>
          <Tabs.Tab value="accounts" leftSection={<IconUsers size={16} aria-hidden />}>
            {t('operator.finance.tabAccounts')}
          </Tabs.Tab>
          <Tabs.Tab value="bills" leftSection={<IconCash size={16} aria-hidden />}>
            {t('operator.finance.tabBills')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reviews">
          <TaxReviewQueue />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <PaymentAccountsTable />
        </Tabs.Panel>
        <Tabs.Panel value="bills">
          <BillsAndPayouts />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
