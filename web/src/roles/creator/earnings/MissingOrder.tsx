/**
 * A creator reports an order bought through its link that never reached Matchup (a MISSING_ORDER dispute): which
 * product of its showcase, the order number and date, optionally the commission it asks for, and a message. Its
 * reports stay listed beside its orders, live: the agency's answer, its decision and the credit (docs/disputes.md).
 */
import { Alert, Button, Drawer, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DisputeChangedDocument, DisputeOpenDocument, DisputesDocument, MissingOrderEntriesDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { splitUserErrors } from '../../../lib/userErrors';
import { useLiveRefresh, useRefetchOn } from '../../../features/performance/useLiveRefresh';
import { DisputeCard } from '../../../features/disputes/DisputeInbox';
import { DateField } from '../../../components/dates/DateField';

const FIELDS = ['subjectId', 'orderNumber', 'orderDate', 'claimedAmount', 'body'] as const;
type Field = (typeof FIELDS)[number];

function MissingOrderForm({ currency, today, onOpened }: { currency: string; today: string; onOpened: () => void }) {
  const t = useT();
  const [{ data }] = useQuery({ query: MissingOrderEntriesDocument });
  // Checked on submit; a field's error (the rule's or the server's) goes as soon as it is edited.
  const form = useForm<Record<Exclude<Field, 'subjectId'>, string> & { subjectId: string | null }>({
    mode: 'controlled',
    initialValues: { subjectId: null, orderNumber: '', orderDate: '', claimedAmount: '', body: '' },
    validate: {
      subjectId: (value) => (value ? null : t('creator.missingOrder.chooseProduct')),
      orderNumber: (value) => (value.trim() ? null : t('creator.missingOrder.enterNumber')),
      orderDate: (value) => (value ? null : t('creator.missingOrder.enterDate')),
      body: (value) => (value.trim() ? null : t('creator.missingOrder.enterMessage')),
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, open] = useMutation(DisputeOpenDocument);
  const entries = data?.showcase.edges.map((e) => e.node) ?? [];

  const submit = async () => {
    setFormError(null);
    if (form.validate().hasErrors) return;
    const { subjectId, orderNumber, orderDate, claimedAmount, body } = form.getValues();
    const input = {
      type: 'MISSING_ORDER' as const,
      subjectId: subjectId!,
      orderNumber: orderNumber.trim(),
      orderDate,
      message: { body },
      ...(claimedAmount.trim() ? { claimedAmount: claimedAmount.trim() } : {}),
    };
    const result = await open({ input });
    if (result.error) return setFormError(describeError(result.error));
    const { fieldErrors, formErrors } = splitUserErrors(result.data!.disputeOpen.userErrors, FIELDS);
    form.setErrors(fieldErrors);
    setFormError(formErrors[0] ?? null);
    if (!result.data!.disputeOpen.userErrors.length) onOpened();
  };

  return (
    <Stack gap="sm" data-testid="missing-order-form">
      <Select
        label={t('creator.missingOrder.product')}
        placeholder={t('creator.missingOrder.productPlaceholder')}
        data={entries.map((e) => ({ value: e.id, label: `${e.product?.title ?? e.campaignName} · ${e.campaignName}` }))}
        {...form.getInputProps('subjectId')}
        searchable
        size="md"
        nothingFoundMessage={t('creator.missingOrder.noProducts')}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput label={t('creator.missingOrder.orderNumber')} {...form.getInputProps('orderNumber')} maxLength={64} size="md" autoComplete="off" />
      <DateField label={t('creator.missingOrder.orderDate')} value={form.values.orderDate} onChange={(day) => form.setFieldValue('orderDate', day)} error={form.errors.orderDate} maxDate={today} size="md" />
      <TextInput label={t('creator.missingOrder.amount', { currency })} {...form.getInputProps('claimedAmount')} inputMode="decimal" size="md" />
      <Textarea label={t('creator.missingOrder.message')} {...form.getInputProps('body')} maxLength={2000} autosize minRows={3} size="md" />
      {formError && (
        <Alert color="red" variant="light">
          {formError}
        </Alert>
      )}
      <Button onClick={submit} loading={fetching} size="md">
        {t('creator.missingOrder.submit')}
      </Button>
    </Stack>
  );
}

/** The creator's missing-order reports, open and decided, each with its thread, deadline and outcome; live. */
function MissingOrderReports() {
  const t = useT();
  const type = ['MISSING_ORDER' as const];
  const [openOnes, refetchOpen] = useQuery({ query: DisputesDocument, variables: { open: true, type, first: 10 } });
  const [closedOnes, refetchClosed] = useQuery({ query: DisputesDocument, variables: { open: false, type, first: 5 } });
  const live = useLiveRefresh(DisputeChangedDocument, {});
  useRefetchOn(live.version, () => {
    refetchOpen({ requestPolicy: 'network-only' });
    refetchClosed({ requestPolicy: 'network-only' });
  });
  const reports = [...(openOnes.data?.disputes.edges ?? []), ...(closedOnes.data?.disputes.edges ?? [])].map((e) => e.node);
  if (reports.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="missing-order-reports" data-testid="missing-order-reports">
      <Title order={2} size="h4" id="missing-order-reports">
        {t('creator.missingOrder.reports')}
      </Title>
      {reports.map((d) => (
        <DisputeCard key={d.id} dispute={d} role="CREATOR" />
      ))}
    </Stack>
  );
}

/** "Report a missing order" beside the creator's orders: the form in a bottom sheet, the reports below. */
export function MissingOrderSection({ currency, today, disputesHref }: { currency: string; today: string; disputesHref: string }) {
  const t = useT();
  const [formOpen, setFormOpen] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t('creator.missingOrder.hint')}
        </Text>
        <Button variant="light" color="orange" leftSection={<IconFileAlert size={16} aria-hidden />} onClick={() => setFormOpen(true)}>
          {t('creator.missingOrder.open')}
        </Button>
      </Group>
      {sent && (
        <Alert color="teal" variant="light" data-testid="missing-order-sent" withCloseButton onClose={() => setSent(false)} closeButtonLabel={t('common.close')}>
          {t('creator.missingOrder.sent')} <Link to={disputesHref}>{t('creator.missingOrder.followInDisputes')}</Link>
        </Alert>
      )}
      <MissingOrderReports />
      <Drawer
        opened={formOpen}
        onClose={() => setFormOpen(false)}
        position="bottom"
        size="92%"
        radius="lg"
        title={<Text fw={700}>{t('creator.missingOrder.title')}</Text>}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {formOpen && (
          <MissingOrderForm
            currency={currency}
            today={today}
            onOpened={() => {
              setFormOpen(false);
              setSent(true);
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}
