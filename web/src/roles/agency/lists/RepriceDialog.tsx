/**
 * Re-price one list item with the split calculator. A decrease reaches the creators who already have the
 * product only after the 30-day lock (new creators get it at once); an increase applies to everyone at once.
 */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { errorsByItem } from './itemErrors';
import { fieldsFromCreatorBps, RATE_DECREASE_LOCK_DAYS, repriceEffect, type SplitFields } from './split';
import { SplitCalculator } from './SplitCalculator';
import { ListItemSimulationPreview } from './ListItemSimulationPreview';
import { showFormProblems } from '../../../components/mutationResult';
import { useT, type Translate } from '../../../i18n/context';
import { ProductListItemsSetDocument, type ProductListQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDate, formatRate } from '../../../lib/format';
import { FormActions } from '../../../components/FormActions';

type Item = NonNullable<ProductListQuery['productList']>['items']['edges'][number]['node'];

const DAY_MS = 86_400_000;

function RepriceEffectNote({ item, toBps, timeZone, now }: { item: Item; toBps: number | null; timeZone: string; now: number }) {
  const t: Translate = useT();
  const effect = toBps === null ? 'none' : repriceEffect(item.creatorRateBps, toBps);
  const creators = item.creatorCount ?? 0;
  if (effect === 'none' || toBps === null) return null;
  if (effect === 'increase') {
    return (
      <Alert color="teal" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="reprice-effect" data-effect="increase">
        {creators > 0
          ? t('agency.lists.reprice.increaseHolders', { count: creators, shown: formatCount(creators), rate: formatRate(toBps) })
          : t('agency.lists.reprice.increase')}
      </Alert>
    );
  }
  const lockEnds = formatDate(new Date(now + RATE_DECREASE_LOCK_DAYS * DAY_MS), timeZone);
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('agency.lists.reprice.lockTitle', { days: RATE_DECREASE_LOCK_DAYS })} data-testid="reprice-effect" data-effect="decrease">
      {t('agency.lists.reprice.newCreators', { rate: formatRate(toBps) })}{' '}
      {creators > 0
        ? t('agency.lists.reprice.decreaseHolders', { count: creators, shown: formatCount(creators), from: formatRate(item.creatorRateBps), until: lockEnds, rate: formatRate(toBps) })
        : t('agency.lists.reprice.nobody')}
    </Alert>
  );
}

export function RepriceDialog({ listId, item, timeZone, onClose }: { listId: string; item: Item | null; timeZone: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={item !== null} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={item ? t('agency.lists.reprice.title', { title: item.product?.title ?? t('agency.lists.reprice.thisProduct') }) : ''} centered size="lg">
      {item && <RepriceForm key={item.id} listId={listId} item={item} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function RepriceForm({ listId, item, timeZone, onClose }: { listId: string; item: Item; timeZone: string; onClose: () => void }) {
  const t = useT();
  const total = item.totalRateBps ?? 0;
  // The calculator's own rule error stays in its fields; the form's error at the split is the server's answer.
  const form = useForm<{ split: SplitFields }>({
    mode: 'controlled',
    initialValues: { split: fieldsFromCreatorBps(item.creatorRateBps, total) },
    validate: { split: (value) => value.error },
  });
  const fields = form.values.split;
  const [openedAt] = useState(() => Date.now());
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, setItems] = useMutation(ProductListItemsSetDocument);
  const unchanged = fields.creatorBps === item.creatorRateBps;

  const save = async ({ split }: { split: SplitFields }) => {
    if (split.creatorBps === null || split.error || !item.registration) return;
    setFormError(null);
    const result = await setItems({ input: { listId, set: [{ registrationId: item.registration.id, creatorRateBps: split.creatorBps }] } });
    if (result.error) {
      setFormError(describeError(result.error));
      return;
    }
    const errors = result.data?.productListItemsSet.userErrors ?? [];
    if (errors.length) {
      const { byIndex, other } = errorsByItem(errors, 'set');
      setFormError(showFormProblems(form, { fieldErrors: { split: byIndex.get(0) }, formErrors: other }));
      return;
    }
    onClose();
  };

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('agency.lists.reprice.intro', { rate: formatRate(item.creatorRateBps) })}
        </Text>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <SplitCalculator
          totalBps={total}
          price={item.product?.price ?? null}
          value={fields}
          onChange={(next) => form.setFieldValue('split', next)}
          serverError={typeof form.errors.split === 'string' ? form.errors.split : null}
        />
        {item.registration && <ListItemSimulationPreview registrationId={item.registration.id} creatorBps={fields.error ? null : fields.creatorBps} />}
        <RepriceEffectNote item={item} toBps={fields.error ? null : fields.creatorBps} timeZone={timeZone} now={openedAt} />
        <FormActions onCancel={onClose} cancelDisabled={fetching} submitLabel={t('agency.lists.reprice.save')} busy={fetching} submitDisabled={unchanged || fields.creatorBps === null || Boolean(fields.error)} />
      </Stack>
    </form>
  );
}
