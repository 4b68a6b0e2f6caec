/**
 * The markets the agency serves: a campaign is created only in one of them. Dropping a market that an open
 * campaign still runs in is refused by the server (MARKET_IN_USE, naming the campaigns); the dialog shows that
 * answer and keeps the choice so the agency can adjust it.
 */
import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { AgencyMarketsSetDocument, type Market } from '../../../generated/graphql';
import { useLocale, useT } from '../../../i18n/context';
import { MARKETS } from '../../../lib/markets';

const CHOICES = Object.keys(MARKETS) as Market[];
const FIELDS = ['markets'] as const;

export function MarketsServedDialog({ current, onClose }: { current: ReadonlyArray<Market>; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const atLeastOne = (markets: string[]) => (markets.length ? null : t('agencyMarkets.atLeastOne'));
  // "At least one" shows as soon as none is chosen; the server's answer goes to the alert below.
  const form = useForm({
    mode: 'controlled',
    initialValues: { markets: [...current] as string[] },
    initialErrors: { markets: atLeastOne([...current]) },
    validateInputOnChange: true,
    validate: { markets: atLeastOne },
  });
  const chosen = form.values.markets;
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(AgencyMarketsSetDocument);

  const submit = async (values: { markets: string[] }) => {
    setError(null);
    const result = await save({ input: { markets: values.markets as Market[] } });
    const payload = result.data?.agencyMarketsSet;
    const problems = mutationFormErrors(result, payload?.userErrors, FIELDS);
    if (problems) return setError([problems.fieldErrors.markets, ...problems.formErrors].filter(Boolean).join(' '));
    if (payload?.agency) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('agencyMarkets.title')} centered size="lg">
      <Stack>
        <Text size="sm">{t('agencyMarkets.explain')}</Text>
        <Checkbox.Group label={t('agencyMarkets.label')} {...form.getInputProps('markets')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs">
            {CHOICES.map((code) => (
              <Checkbox key={code} value={code} label={`${regions.of(code) ?? code} (${code})`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {error && (
          <Alert color="red" role="alert" data-testid="markets-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={fetching}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => form.onSubmit((values) => void submit(values))()} loading={fetching} disabled={chosen.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
