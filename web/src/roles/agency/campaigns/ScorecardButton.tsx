/** A counterparty's trust scorecard in a popover, loaded when opened: the agency reviewing a shop's registrations,
 * or deciding about a creator's sample request. The figures are ScorecardPanel's, as on every card. */
import { Badge, Loader, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ScorecardDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { nodeCard } from '../../../features/insight/scorecardFigures';
import { ScorecardFigures } from '../../../features/insight/ScorecardPanel';

export function ScorecardButton({ id, name }: { id: string; name: string }) {
  const t = useT();
  const zone = marketTimeZone(useViewer().organisation.market);
  const [opened, setOpened] = useState(false);
  const [{ data, fetching }] = useQuery({ query: ScorecardDocument, variables: { id }, pause: !opened });
  const loaded = nodeCard(data?.node);
  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton onClick={() => setOpened((o) => !o)} aria-label={t('insight.scorecard.open', { name })} aria-expanded={opened}>
          <Badge variant="light" color="teal" leftSection={<IconShieldCheck size={12} aria-hidden />} style={{ cursor: 'pointer' }} tt="none">
            {t('insight.scorecard.badge')}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="scorecard-popover" role="dialog" aria-label={t('insight.scorecard.titleOf', { name })}>
        {!loaded ? (
          fetching || !data ? <Loader size="sm" aria-label={t('insight.scorecard.loading')} /> : <Text size="sm">{t('insight.scorecard.none')}</Text>
        ) : (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('insight.scorecard.titleOf', { name: loaded.name || name })}
            </Text>
            <ScorecardFigures card={loaded.card} timeZone={zone} />
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
