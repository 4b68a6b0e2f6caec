/** Step 2 of registering: the picked products' terms, with one rate applied to all. */
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { EmptyBlock } from '../../../components/QueryState';
import { bpsToPercentText } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { useT } from '../../../i18n/context';
import { SelectedItemTerms } from './SelectedItemTerms';
import type { RegisterForm } from './useRegisterForm';

export function SelectedTermsCard({ form, campaignId, requirement }: { form: RegisterForm; campaignId: string; requirement: number }) {
  const t = useT();
  const { selected, applyAll, setApplyAll, setTerm } = form;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="terms-title">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id="terms-title">
          {selected.length ? t('seller.register.step2Count', { count: selected.length }) : t('seller.register.step2')}
        </Title>
        <Group gap={6} align="flex-end" wrap="nowrap">
          <RateInput label={t('seller.register.rateForAll')} placeholder={bpsToPercentText(requirement)} value={applyAll} onChange={setApplyAll} w={140} />
          <Button variant="default" disabled={!applyAll.trim() || selected.length === 0} onClick={() => selected.forEach((s) => setTerm(s.product.id, 'rate', applyAll))}>
            {t('seller.register.apply')}
          </Button>
        </Group>
      </Group>
      {selected.length === 0 ? (
        <EmptyBlock title={t('seller.register.noneSelected')} description={t('seller.register.noneSelectedBody')} icon={<IconPackage aria-hidden />} />
      ) : (
        <Stack gap="sm">
          {selected.map((item, i) => (
            <SelectedItemTerms
              key={item.product.id}
              campaignId={campaignId}
              item={item}
              checked={form.checked[i]!}
              submitted={form.submitted}
              onChange={(field, value) => setTerm(item.product.id, field, value)}
              onRemove={() => form.toggle(item.product)}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}
