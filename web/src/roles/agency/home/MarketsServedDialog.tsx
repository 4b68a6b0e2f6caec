/**
 * The markets the agency serves: a campaign is created only in one of them. Dropping a market that an open
 * campaign still runs in is refused by the server (MARKET_IN_USE, naming the campaigns); the dialog shows that
 * answer and keeps the choice so the agency can adjust it.
 */
import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { AgencyMarketsSetDocument, type Market } from '../../../generated/graphql';
import { useLocale, useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { MARKETS } from '../../../lib/markets';
import { splitUserErrors } from '../../../lib/userErrors';

const CHOICES = Object.keys(MARKETS) as Market[];

export function MarketsServedDialog({ current, onClose }: { current: ReadonlyArray<Market>; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const [chosen, setChosen] = useState<string[]>([...current]);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(AgencyMarketsSetDocument);

  const submit = async () => {
    setError(null);
    const result = await save({ input: { markets: chosen as Market[] } });
    if (result.error) return setError(describeError(result.error));
    const payload = result.data?.agencyMarketsSet;
    if (!payload?.agency) {
      const { fieldErrors, formErrors } = splitUserErrors(payload?.userErrors ?? [], ['markets'] as const);
      return setError([fieldErrors.markets, ...formErrors].filter(Boolean).join(' '));
    }
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('agencyMarkets.title')} centered size="lg">
      <Stack>
        <Text size="sm">{t('agencyMarkets.explain')}</Text>
        <Checkbox.Group value={chosen} onChange={setChosen} label={t('agencyMarkets.label')} error={chosen.length === 0 ? t('agencyMarkets.atLeastOne') : undefined}>
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
          <Button onClick={submit} loading={fetching} disabled={chosen.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
