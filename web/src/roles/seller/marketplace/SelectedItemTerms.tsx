/** One picked product's terms: total rate, sample quota, shop-ads rate, with what an order costs and a simulation. */
import { ActionIcon, Alert, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { RateInput } from '../../../features/campaigns/RateInput';
import { RegistrationSimulationPreview } from './RegistrationSimulationPreview';
import type { CheckedItemTerms, ItemField } from './registrationItemRules';
import { useT } from '../../../i18n/context';
import { formatMoneyOrDash } from '../../../lib/format';
import { CostPreview } from './CostPreview';
import { ProductThumb } from './ProductThumb';
import type { SelectedItem } from './useRegisterForm';

export interface SelectedItemTermsProps {
  campaignId: string;
  item: SelectedItem;
  checked: CheckedItemTerms;
  /** The form was submitted: every error shows, not only those of fields already typed in. */
  submitted: boolean;
  onChange: (field: ItemField, value: string) => void;
  onRemove: () => void;
}

export function SelectedItemTerms({ campaignId, item, checked: c, submitted, onChange, onRemove }: SelectedItemTermsProps) {
  const t = useT();
  const show = (field: ItemField) => item.serverErrors[field] ?? (submitted || item.terms[field] !== '' ? c.errors[field] : undefined);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="selected-item">
      <Group justify="space-between" wrap="nowrap" mb="xs" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ProductThumb url={item.product.imageUrl} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} lineClamp={1}>
              {item.product.title}
            </Text>
            <Text size="xs" c="dimmed">
              {t('seller.register.fromPrice', { price: formatMoneyOrDash(item.product.price) })}
            </Text>
          </Stack>
        </Group>
        <ActionIcon variant="subtle" color="gray" aria-label={t('seller.register.remove', { title: item.product.title })} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {item.serverErrors.product && (
        <Alert color="red" variant="light" p="xs" mb="xs" role="alert">
          <Text size="sm">{item.serverErrors.product}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <RateInput
          label={t('seller.orders.colTotalRate')}
          required
          value={item.terms.rate}
          onChange={(v) => onChange('rate', v)}
          error={show('rate')}
          aria-label={t('seller.register.rateFor', { title: item.product.title })}
        />
        <TextInput
          label={t('seller.terms.sampleQuota')}
          inputMode="numeric"
          value={item.terms.samples}
          onChange={(e) => onChange('samples', e.currentTarget.value)}
          error={show('samples')}
          aria-label={t('seller.register.quotaFor', { title: item.product.title })}
        />
        <RateInput
          label={t('seller.terms.adsRate')}
          placeholder={t('seller.optional')}
          value={item.terms.adsRate}
          onChange={(v) => onChange('adsRate', v)}
          error={show('adsRate')}
          aria-label={t('seller.register.adsFor', { title: item.product.title })}
        />
      </SimpleGrid>
      <div style={{ marginTop: 6 }}>
        <CostPreview product={item.product} rateBps={c.totalRateBps} />
        <RegistrationSimulationPreview
          campaignId={campaignId}
          productId={item.product.id}
          terms={{ totalRateBps: c.totalRateBps, sampleQuota: c.sampleQuota, shopAdsRateBps: c.shopAdsRateBps }}
        />
      </div>
    </Paper>
  );
}
