/** The agency's monthly bills: settled commission per month, its status and every payout attempt. */
import { Button, Card } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { PayeeBills } from '../../../features/finance/PayeeBills';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';

export function AgencyBillsPage() {
  const viewer = useViewer();
  return (
    <>
      <PageHeader
        title="Bills"
        description="Settled commission is billed on the 1st of each month and paid to your linked bank account."
        actions={
          <Button component={Link} to="../payment-account" relative="path" variant="default" leftSection={<IconBuildingBank size={16} aria-hidden />}>
            Payment account
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <PayeeBills layout="table" timeZone={marketTimeZone(viewer.organisation.market)} />
      </Card>
    </>
  );
}
