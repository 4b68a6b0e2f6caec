/** The agency's monthly bills: settled commission per month, its status and every payout attempt. */
import { Button, Card } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { PayeeBills } from '../../../features/finance/PayeeBills';
import { marketTimeZone } from '../../../lib/markets';
import { useT } from '../../../i18n/context';
import { useViewer } from '../../../session/context';

export function AgencyBillsPage() {
  const viewer = useViewer();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t('finance.agency.bills')}
        description={t('finance.agency.billsHelp')}
        actions={
          <Button component={Link} to="../payment-account" relative="path" variant="default" leftSection={<IconBuildingBank size={16} aria-hidden />}>
            {t('finance.agency.account')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <PayeeBills layout="table" timeZone={marketTimeZone(viewer.organisation.market)} />
      </Card>
    </>
  );
}
