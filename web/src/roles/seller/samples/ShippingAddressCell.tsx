/** The creator's shipping address of a sample (country in words), with a copy button. */
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { addressLines, addressText } from './address';
import { useT } from '../../../i18n/context';
import { MARKETS } from '../../../lib/markets';
import type { SellerSample } from './ShipmentForm';

function countryName(code: string): string {
  return MARKETS[code as keyof typeof MARKETS]?.name ?? code;
}

export function ShippingAddressCell({ row }: { row: SellerSample }) {
  const t = useT();
  const address = row.shippingAddress;
  if (!address) return <Text size="sm" c="dimmed">—</Text>;
  const lines = addressLines(address, countryName);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text component="address" size="sm" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }} data-testid="shipping-address">
        {lines.join('\n')}
      </Text>
      <CopyButton value={addressText(address, countryName)} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('seller.keys.copied') : t('seller.samples.copyAddress')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('seller.samples.copyAddressFor', { title: row.product?.title ?? t('seller.samples.theSample') })}>
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
