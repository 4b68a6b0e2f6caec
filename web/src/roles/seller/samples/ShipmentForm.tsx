/**
 * Record a sample's next shipment event (shipped with carrier and tracking number, in transit, delivered, …) with
 * an optional note; the sample's shipment history below.
 */
import { Button, Group, Radio, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { nextShipmentStatuses, SHIPMENT_STATUS_LABEL } from '../../../features/samples/sampleStatus';
import { SampleShipmentUpdateDocument, type SellerSampleRequestsQuery, type ShipmentStatus } from '../../../generated/graphql';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';
import { formatDateTime } from '../../../lib/format';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

export type SellerSample = SellerSampleRequestsQuery['sampleRequests']['edges'][number]['node'];

const FIELDS = ['status', 'carrier', 'trackingNumber', 'note'] as const;
type Field = (typeof FIELDS)[number];

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
  // Shipping is the only next step of an approved sample; later events are chosen explicitly.
  const [status, setStatus] = useState<ShipmentStatus | null>(options.length === 1 ? options[0]! : null);
  const [carrier, setCarrier] = useState(row.carrier ?? '');
  const [tracking, setTracking] = useState(row.trackingNumber ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(SampleShipmentUpdateDocument);

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    if (!status) local.status = t('seller.samples.chooseWhat');
    if (status === 'SHIPPED' && !carrier.trim()) local.carrier = t('seller.samples.enterCarrier');
    if (status === 'SHIPPED' && !tracking.trim()) local.trackingNumber = t('seller.samples.enterTracking');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || !status) return;
    const result = await update({
      input: { id: row.id, status, carrier: carrier.trim() || null, trackingNumber: tracking.trim() || null, note: note.trim() || null },
    });
    const problems = mutationFormErrors(result, result.data?.sampleShipmentUpdate.userErrors, FIELDS);
    if (problems) {
      setErrors(problems.fieldErrors);
      setFormError(problems.formErrors.join(' ') || null);
      return;
    }
    notifications.show({ color: 'teal', title: t('seller.samples.marked', { status }), message: t('seller.samples.markedBody') });
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
          <Radio.Group label={t('seller.samples.whatHappened')} required value={status} onChange={(v) => setStatus(v as ShipmentStatus)} error={errors.status}>
            <Stack gap="xs" mt={6}>
              {options.map((s) => (
                <Radio key={s} value={s} label={SHIPMENT_STATUS_LABEL[s]} description={t(SHIPMENT_HINT[s])} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('seller.samples.carrier')} placeholder={t('seller.samples.carrierPlaceholder')} required={status === 'SHIPPED'} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} error={errors.carrier} maxLength={80} />
          <TextInput
            label={t('seller.samples.trackingNumber')}
            required={status === 'SHIPPED'}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            error={errors.trackingNumber}
            maxLength={80}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
        <Textarea label={t('seller.samples.note')} description={t('seller.samples.noteHint')} autosize minRows={2} maxRows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={500} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={fetching}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching} disabled={options.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
