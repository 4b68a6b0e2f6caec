/**
 * Request a free sample of a product in the showcase, with the address it goes to. Only the product's seller
 * (to ship it) and the creator can read the address, never the agency. The last address used is offered again.
 */
import { Alert, Button, Modal, Select, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LoadingState } from '../../../components/QueryState';
import { CreatorSamplesDocument, RequestSampleDocument, type Market } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { MARKETS } from '../../../lib/markets';
import { splitUserErrors } from '../../../lib/userErrors';
import { useViewer } from '../../../session/context';

const FIELDS = ['recipientName', 'phone', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type Field = (typeof FIELDS)[number];
type Address = Record<Field, string>;
const REQUIRED: ReadonlyArray<[Field, string]> = [
  ['recipientName', 'Enter the recipient’s name'],
  ['phone', 'Enter a phone number'],
  ['line1', 'Enter the street address'],
  ['city', 'Enter the city'],
  ['postalCode', 'Enter the postal code'],
  ['country', 'Choose the country'],
];

export interface SampleTarget {
  entryId: string;
  title: string;
  samplesLeft: number;
}

export function SampleRequestDialog({ target, onClose, onRequested }: { target: SampleTarget | null; onClose: () => void; onRequested: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? `Free sample: ${target.title}` : ''} fullScreen={phone} centered size="lg">
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
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: CreatorSamplesDocument, variables: { first: 1 }, requestPolicy: 'cache-and-network' });
  if (!data && fetching && !error) return <LoadingState label="Preparing the form…" />;
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
  const [address, setAddress] = useState<Address>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestSampleDocument);

  const set = (field: Field) => (value: string) => {
    setAddress((a) => ({ ...a, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    for (const [field, message] of REQUIRED) if (!address[field].trim()) local[field] = message;
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      document.getElementById(`sample-${Object.keys(local)[0]}`)?.focus();
      return;
    }
    const result = await request({
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
    if (result.error) return setFormError(describeError(result.error));
    const payload = result.data?.sampleRequest;
    if (payload?.userErrors.length) {
      const split = splitUserErrors(payload.userErrors, FIELDS);
      setErrors(split.fieldErrors);
      setFormError(split.formErrors.join(' ') || null);
      const first = FIELDS.find((f) => split.fieldErrors[f]);
      if (first) document.getElementById(`sample-${first}`)?.focus();
      return;
    }
    onRequested();
    onClose();
  };

  const input = (field: Field, label: string, autoComplete: string, extra: Partial<TextInputProps> = {}) => (
    <TextInput
      id={`sample-${field}`}
      label={label}
      size="md"
      autoComplete={autoComplete}
      value={address[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={errors[field]}
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
          {target.samplesLeft} {target.samplesLeft === 1 ? 'sample is' : 'samples are'} left. The agency approves the request, then the seller ships it.
          Post your content within 14 days of delivery.
        </Text>
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} p="xs">
          <Text size="xs">Only the seller who ships the sample sees this address. The agency never does.</Text>
        </Alert>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        {input('recipientName', 'Recipient', 'name')}
        {input('phone', 'Phone', 'tel', { type: 'tel', inputMode: 'tel', placeholder: 'e.g. +66 81 234 5678' })}
        {input('line1', 'Street address', 'address-line1')}
        {input('line2', 'Apartment, unit, building', 'address-line2', { description: 'Optional' })}
        <SimpleGrid cols={2} spacing="sm">
          {input('city', 'City', 'address-level2')}
          {input('region', 'District / province', 'address-level1', { description: 'Optional' })}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          {input('postalCode', 'Postal code', 'postal-code', { inputMode: 'text' })}
          <Select
            id="sample-country"
            label="Country"
            size="md"
            required
            data={(Object.keys(MARKETS) as Market[]).map((m) => ({ value: m, label: MARKETS[m].name }))}
            value={address.country || null}
            onChange={(v) => set('country')(v ?? '')}
            error={errors.country}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Stack gap="xs" mt="xs">
          <Button type="submit" size="md" loading={fetching} color="pink" fullWidth>
            Request sample
          </Button>
          <Button variant="subtle" color="gray" size="md" onClick={onClose} disabled={fetching} fullWidth>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
