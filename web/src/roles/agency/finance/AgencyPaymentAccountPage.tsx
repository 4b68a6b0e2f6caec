/** The agency's payment account: tax info for review, the bank account payouts go to, balances. */
import { PageHeader } from '../../../components/PageHeader';
import { PaymentAccountView } from '../../../features/finance/PaymentAccountView';
import { useT } from '../../../i18n/context';

export function AgencyPaymentAccountPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('finance.agency.account')} description={t('finance.agency.accountHelp')} />
      <PaymentAccountView />
    </>
  );
}
