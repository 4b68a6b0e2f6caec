/** The agency's payment account: tax info for review, the bank account payouts go to, balances. */
import { PageHeader } from '../../../components/PageHeader';
import { PaymentAccountView } from '../../../features/finance/PaymentAccountView';

export function AgencyPaymentAccountPage() {
  return (
    <>
      <PageHeader title="Payment account" description="Your tax information and the bank account your monthly payouts go to." />
      <PaymentAccountView />
    </>
  );
}
