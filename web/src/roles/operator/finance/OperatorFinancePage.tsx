/** The operator's finance desk: the tax review queue, every payee's payment account, bills and payout runs. */
import { Tabs } from '@mantine/core';
import { IconCash, IconFileCertificate, IconUsers } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { BillsAndPayouts } from './BillsAndPayouts';
import { PaymentAccountsTable } from './PaymentAccountsTable';
import { TaxReviewQueue } from './TaxReviewQueue';

const TABS = ['reviews', 'accounts', 'bills'] as const;

export function OperatorFinancePage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'reviews';
  return (
    <>
      <PageHeader title="Finance" description="Review tax information, see every payee's account, issue bills and pay them out." />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'reviews' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="reviews" leftSection={<IconFileCertificate size={16} aria-hidden />}>
            Tax reviews
          </Tabs.Tab>
          <Tabs.Tab value="accounts" leftSection={<IconUsers size={16} aria-hidden />}>
            Payment accounts
          </Tabs.Tab>
          <Tabs.Tab value="bills" leftSection={<IconCash size={16} aria-hidden />}>
            Bills and payouts
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
