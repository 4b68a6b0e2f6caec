/** Issue an ended month's bills now (the sweeper does it on the 1st): the month, then what was issued. */
import { Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { endedPeriods, formatPeriod } from '../../../features/finance/financeStatus';
import { BillsGenerateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';

const FIELDS = ['period'] as const;

export function GenerateBills({ onIssued }: { onIssued: () => void }) {
  const t = useT();
  const [periods] = useState(() => endedPeriods(new Date(), 12));
  // The server's answer shows at the month until another month is chosen or the next try.
  const form = useForm({ mode: 'controlled', initialValues: { period: periods[0]! } });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [{ fetching }, generate] = useMutation(BillsGenerateDocument);
  const run = async ({ period }: { period: string }) => {
    form.clearErrors();
    setOutcome(null);
    const result = await generate({ input: { period } });
    const payload = result.data?.billsGenerate;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS);
    // About the month when the server says so; else everything it says, at the month all the same.
    if (problems) return form.setFieldError('period', problems.fieldErrors.period ?? problems.formErrors.join(' '));
    const bills = payload?.bills ?? [];
    setOutcome(bills.length === 0 ? t('operator.bills.nothingToBill', { period: formatPeriod(period) }) : t('operator.bills.issuedFor', { count: bills.length, shown: formatCount(bills.length), period: formatPeriod(period) }));
    if (bills.length) notifications.show({ color: 'teal', title: t('operator.bills.issued'), message: t('operator.bills.issuedToast', { shown: formatCount(bills.length), period: formatPeriod(period) }) });
    onIssued();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="generate-title">
      <Title order={3} size="h5" id="generate-title" mb={4}>
        {t('operator.bills.issueMonthly')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('operator.bills.issueMonthlyBody')}
      </Text>
      <Group align="flex-start" gap="sm">
        <Select
          label={t('operator.bills.month')}
          data={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
          {...form.getInputProps('period')}
          allowDeselect={false}
          w={220}
        />
        <Button mt={25} leftSection={<IconFileInvoice size={16} aria-hidden />} loading={fetching} onClick={() => void run(form.getValues())}>
          {t('operator.bills.issueBills')}
        </Button>
      </Group>
      {outcome && (
        <Text size="sm" mt="sm" role="status" data-testid="bills-generated">
          {outcome}
        </Text>
      )}
    </Card>
  );
}
