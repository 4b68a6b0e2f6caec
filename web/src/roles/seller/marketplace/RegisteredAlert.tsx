/** The products this visit registered (pending the agency's review), with the way to the seller's registrations. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/context';
import { formatCount, formatRate } from '../../../lib/format';
import type { Registered } from './useRegisterForm';

export function RegisteredAlert({ registered }: { registered: ReadonlyArray<Registered> }) {
  const t = useT();
  if (registered.length === 0) return null;
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('seller.register.registeredPending', { count: registered.length, shown: formatCount(registered.length) })}
      mb="lg"
      data-testid="register-success"
    >
      <Stack gap={6}>
        <Text size="sm">{registered.map((r) => `${r.product.title} (${formatRate(r.rateBps)})`).join(' · ')}</Text>
        <Group gap="sm">
          <Button component={Link} to="../../../registrations" relative="path" size="xs" variant="light" color="teal">
            {t('seller.register.viewMine')}
          </Button>
          <Button component={Link} to=".." relative="path" size="xs" variant="subtle" color="teal">
            {t('seller.register.backToCampaign')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
