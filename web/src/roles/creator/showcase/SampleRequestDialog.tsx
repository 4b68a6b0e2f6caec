/**
 * Request a free sample of a product in the showcase, with the address it goes to. Only the product's seller
 * (to ship it) and the creator can read the address, never the agency. The last address used is offered again.
 */
import { Alert, Button, Modal, Select, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LoadingState } from '../../../components/QueryState';
import { CreatorSamplesDocument, RequestSampleDocument, type Market } from '../../../generated/graphql';
import { submitChecked } from '../../../components/mutationResult';
import { MARKETS } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { useT } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/catalogues';
import { formatCount } from '../../../lib/format';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

const FIELDS = ['recipientName', 'phone', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type Field = (typeof FIELDS)[number];
type Address = Record<Field, string>;
const REQUIRED: ReadonlyArray<[Field, MessageKey]> = [
  ['recipientName', 'creator.sample.enterRecipient'],
  ['phone', 'creator.sample.enterPhone'],
  ['line1', 'creator.sample.enterStreet'],
  ['city', 'creator.sample.enterCity'],
  ['postalCode', 'creator.sample.enterPostal'],
  ['country', 'creator.sample.chooseCountry'],
];

export interface SampleTarget {
  entryId: string;
  title: string;
  samplesLeft: number;
}

export function SampleRequestDialog({ target, onClose, onRequested }: { target: SampleTarget | null; onClose: () => void; onRequested: () => void }) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t('creator.sample.title', { title: target.title }) : ''} fullScreen={phone} centered size="lg">
      {target && <SampleRequestLoader key={target.entryId} target={target} onClose={onClose} onRequested={onRequested} />}
    </Modal>
  );
}

interface FormProps {
  target: SampleTarget;
  onClose: () => void;
  onRequested: () => void;
}

/** Offers the address of the creator's latest request (its own data), so repeat requests are one tap. */
function SampleRequestLoader(props: FormProps) {
  const t = useT();
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: CreatorSamplesDocument, variables: { first: 1 }, requestPolicy: 'cache-and-network' });
  if (!data && fetching && !error) return <LoadingState label={t('creator.sample.preparing')} />;
  const last = data?.sampleRequests.edges[0]?.node.shippingAddress ?? null;
  const initial: Address = last
    ? {
        recipientName: last.recipientName,
        phone: last.phone,
        line1: last.line1,
        line2: last.line2 ?? '',
        city: last.city,
        region: last.region ?? '',
        postalCode: last.postalCode,
        country: last.country,
      }
    : { recipientName: viewer.user.fullName, phone: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: viewer.organisation.market ?? '' };
  return <SampleRequestForm {...props} initial={initial} />;
}

function SampleRequestForm({ target, onClose, onRequested, initial }: FormProps & { initial: Address }) {
  const t = useT();
  // Checked on submit; a field's error (the rule's or the server's) goes as soon as it is edited.
  const form = useForm<Address>({
    mode: 'controlled',
    initialValues: initial,
    validate: Object.fromEntries(REQUIRED.map(([field, message]) => [field, (value: string) => (value.trim() ? null : t(message))])),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestSampleDocument);

  const submit = async () => {
    const send = () => {
      const address = form.getValues();
      return request({
        input: {
          showcaseEntryId: target.entryId,
          address: {
            recipientName: address.recipientName.trim(),
            phone: address.phone.trim(),
            line1: address.line1.trim(),
            line2: address.line2.trim() || null,
            city: address.city.trim(),
            region: address.region.trim() || null,
            postalCode: address.postalCode.trim(),
            country: address.country,
          },
        },
      });
    };
    const result = await submitChecked(form, { fields: FIELDS, idPrefix: 'sample', setFormError }, send, (r) => r.data?.sampleRequest.userErrors);
    if (!result) return;
    onRequested();
    onClose();
  };

  const input = (field: Field, label: string, autoComplete: string, extra: Partial<TextInputProps> = {}) => (
    <TextInput
      id={`sample-${field}`}
      label={label}
      size="md"
      autoComplete={autoComplete}
      {...form.getInputProps(field)}
      required={REQUIRED.some(([f]) => f === field)}
      {...extra}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('creator.sample.intro', { count: target.samplesLeft, shown: formatCount(target.samplesLeft) })}
        </Text>
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} p="xs">
          <Text size="xs">{t('creator.sample.privacy')}</Text>
        </Alert>
        <FormErrorAlert message={formError} />
        {input('recipientName', t('creator.sample.recipient'), 'name')}
        {input('phone', t('creator.sample.phone'), 'tel', { type: 'tel', inputMode: 'tel', placeholder: t('creator.sample.phonePlaceholder') })}
        {input('line1', t('creator.sample.street'), 'address-line1')}
        {input('line2', t('creator.sample.line2'), 'address-line2', { description: t('creator.sample.optional') })}
        <SimpleGrid cols={2} spacing="sm">
          {input('city', t('creator.sample.city'), 'address-level2')}
          {input('region', t('creator.sample.region'), 'address-level1', { description: t('creator.sample.optional') })}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          {input('postalCode', t('creator.sample.postal'), 'postal-code', { inputMode: 'text' })}
          <Select
            id="sample-country"
            label={t('creator.sample.country')}
            size="md"
            required
            data={(Object.keys(MARKETS) as Market[]).map((m) => ({ value: m, label: MARKETS[m].name }))}
            {...form.getInputProps('country')}
            value={form.values.country || null}
            onChange={(v) => form.setFieldValue('country', v ?? '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Stack gap="xs" mt="xs">
          <Button type="submit" size="md" loading={fetching} color="pink" fullWidth>
            {t('creator.showcase.requestSample')}
          </Button>
          <Button variant="subtle" color="gray" size="md" onClick={onClose} disabled={fetching} fullWidth>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
