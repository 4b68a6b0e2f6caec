/**
 * Record a sample's next shipment event (shipped with carrier and tracking number, in transit, delivered, …) with
 * an optional note; the sample's shipment history below.
 */
import { Group, Radio, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { submitChecked } from '../../../components/mutationResult';
import { nextShipmentStatuses, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleShipmentUpdateDocument, type SellerSampleRequestsQuery, type ShipmentStatus } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { formatDateTime } from '../../../lib/format';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { FormActions } from '../../../components/FormActions';

export type SellerSample = SellerSampleRequestsQuery['sampleRequests']['edges'][number]['node'];

const FIELDS = ['status', 'carrier', 'trackingNumber', 'note'] as const;
interface Values {
  status: ShipmentStatus | null;
  carrier: string;
  trackingNumber: string;
  note: string;
}

const SHIPMENT_HINT: Record<ShipmentStatus, MessageKey> = {
  SHIPPED: 'seller.samples.hintShipped',
  IN_TRANSIT: 'seller.samples.hintInTransit',
  DELIVERED: 'seller.samples.hintDelivered',
  FAILED_DELIVERY: 'seller.samples.hintFailed',
  RETURNED: 'seller.samples.hintReturned',
};

export function ShipmentForm({ row, timeZone, onClose }: { row: SellerSample; timeZone: string; onClose: () => void }) {
  const t = useT();
  const options = nextShipmentStatuses(row.status);
  // Checked on submit; an error (the rule's or the server's) stays at its field until the next try.
  const form = useForm<Values>({
    mode: 'controlled',
    // Shipping is the only next step of an approved sample; later events are chosen explicitly.
    initialValues: { status: options.length === 1 ? options[0]! : null, carrier: row.carrier ?? '', trackingNumber: row.trackingNumber ?? '', note: '' },
    clearInputErrorOnChange: false,
    validate: {
      status: (value) => (value ? null : t('seller.samples.chooseWhat')),
      carrier: (value, values) => (values.status === 'SHIPPED' && !value.trim() ? t('seller.samples.enterCarrier') : null),
      trackingNumber: (value, values) => (values.status === 'SHIPPED' && !value.trim() ? t('seller.samples.enterTracking') : null),
    },
  });
  const status = form.values.status;
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(SampleShipmentUpdateDocument);

  const submit = async () => {
    const { status: chosen, carrier, trackingNumber, note } = form.getValues();
    // Sent only once the form's rules pass, so with a status.
    const input = { id: row.id, status: chosen as ShipmentStatus, carrier: carrier.trim() || null, trackingNumber: trackingNumber.trim() || null, note: note.trim() || null };
    const result = await submitChecked(form, { fields: FIELDS, setFormError }, () => update({ input }), (r) => r.data?.sampleShipmentUpdate.userErrors);
    if (!result) return;
    notifications.show({ color: 'teal', title: t('seller.samples.marked', { status: input.status }), message: t('seller.samples.markedBody') });
    onClose();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack>
        <FormErrorAlert message={formError} />
        {options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('seller.samples.nothingLeft', { status: row.status })}
          </Text>
        ) : (
          <Radio.Group label={t('seller.samples.whatHappened')} required {...form.getInputProps('status')}>
            <Stack gap="xs" mt={6}>
              {options.map((s) => (
                <Radio key={s} value={s} label={SHIPMENT_STATUS_LABEL[s]} description={t(SHIPMENT_HINT[s])} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('seller.samples.carrier')} placeholder={t('seller.samples.carrierPlaceholder')} required={status === 'SHIPPED'} {...form.getInputProps('carrier')} maxLength={80} />
          <TextInput
            label={t('seller.samples.trackingNumber')}
            required={status === 'SHIPPED'}
            {...form.getInputProps('trackingNumber')}
            maxLength={80}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
        <Textarea label={t('seller.samples.note')} description={t('seller.samples.noteHint')} autosize minRows={2} maxRows={4} {...form.getInputProps('note')} maxLength={500} />
        {row.shipments.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('seller.samples.history')}
            </Text>
            <Timeline active={row.shipments.length - 1} bulletSize={14} lineWidth={2}>
              {row.shipments.map((s) => (
                <Timeline.Item key={`${s.status}-${s.occurredAt}`} title={SHIPMENT_STATUS_LABEL[s.status]}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(s.occurredAt, timeZone)}
                    {s.trackingNumber ? ` · ${s.carrier ?? ''} ${s.trackingNumber}` : ''}
                    {s.note ? ` · ${s.note}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        )}
        <FormActions onCancel={onClose} cancelDisabled={fetching} submitLabel={t('common.save')} busy={fetching} submitDisabled={options.length === 0} />
      </Stack>
    </form>
  );
}
