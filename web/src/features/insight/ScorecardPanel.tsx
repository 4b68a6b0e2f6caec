/**
 * Trust scorecards (docs/forecast.md), one component for the three cards: each figure with its value, its sample
 * size and its period. Counterparties see it where they decide — a shop's card in a popover next to the
 * registrations an agency reviews, a creator's next to its sample requests (ScorecardButton), an agency's on the
 * marketplace campaign a seller may register for (ScorecardCard); the party itself sees its own card with what would
 * improve it (MyScorecardCard). The popover is its own module (ScorecardButton.tsx), so pages with a card in place
 * do not load the popover's code.
 */
import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconShieldCheck } from '@tabler/icons-react';
import { useId } from 'react';
import { useQuery } from 'urql';
import { MyScorecardDocument, ScorecardDocument } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { formatCount, formatDate, formatRate } from '../../lib/format';
import { marketTimeZone } from '../../lib/markets';
import { useViewer } from '../../session/context';
import { nodeCard, scorecardFigures, scorecardKind, scorecardPeriod, tipMessage, type AnyScorecard, type ScoreFigure } from './scorecardFigures';

function FigureRow({ figure, timeZone }: { figure: ScoreFigure; timeZone: string }) {
  const t = useT();
  const f = figure.figure;
  const value = f === null ? null : 'hours' in f ? (f.hours === null ? null : t('insight.scorecard.hoursMedian', { hours: formatCount(f.hours) })) : f.bps === null ? null : formatRate(f.bps);
  const n = f?.sampleSize ?? 0;
  const part = f !== null && 'part' in f ? f.part : 0;
  return (
    <Stack gap={0} data-testid="scorecard-figure" data-figure={figure.key}>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="baseline">
        <Text size="sm">{t(figure.label)}</Text>
        <Text size="sm" fw={700} c={value === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {value ?? t('insight.scorecard.noData')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" data-testid="scorecard-sample">
        {t(figure.sample, { count: n, shown: formatCount(n), part: formatCount(part) })}
        {f ? ` · ${t('insight.scorecard.period', { start: formatDate(f.periodStart, timeZone), end: formatDate(f.periodEnd, timeZone) })}` : ''}
      </Text>
    </Stack>
  );
}

/** The figures of any party's card, with a note on what (n) means. */
export function ScorecardFigures({ card, timeZone }: { card: AnyScorecard; timeZone: string }) {
  return (
    <Stack gap={8} data-testid={`scorecard-${scorecardKind(card)}`}>
      {scorecardFigures(card).map((figure) => (
        <FigureRow key={figure.key} figure={figure} timeZone={timeZone} />
      ))}
    </Stack>
  );
}

/** A counterparty's card shown in place (the seller deciding whether to register with an agency's campaign). */
export function ScorecardCard({ id, name }: { id: string; name: string }) {
  const t = useT();
  const zone = marketTimeZone(useViewer().organisation.market);
  const titleId = useId();
  const [{ data, fetching }] = useQuery({ query: ScorecardDocument, variables: { id } });
  const loaded = nodeCard(data?.node);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId} data-testid="scorecard-card">
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconShieldCheck size={18} aria-hidden color="var(--mantine-color-teal-7)" />
        <Title order={2} size="h4" id={titleId}>
          {t('insight.scorecard.titleOf', { name: loaded?.name || name })}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('insight.scorecard.counterpartyHint')}
      </Text>
      {loaded ? <ScorecardFigures card={loaded.card} timeZone={zone} /> : fetching ? <Loader size="sm" aria-label={t('insight.scorecard.loading')} /> : <Text size="sm">{t('insight.scorecard.none')}</Text>}
    </Card>
  );
}

/** The viewer's own card, with what would improve it. */
export function MyScorecardCard() {
  const t = useT();
  const zone = marketTimeZone(useViewer().organisation.market);
  const titleId = useId();
  const [{ data, fetching }] = useQuery({ query: MyScorecardDocument });
  const v = data?.viewer;
  const own = v?.shop?.scorecard ?? v?.agency?.scorecard ?? v?.creator?.scorecard ?? null;
  const period = own ? scorecardPeriod(own) : null;
  const tips = own?.tips ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId} data-testid="my-scorecard">
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconShieldCheck size={18} aria-hidden color="var(--mantine-color-teal-7)" />
        <Title order={2} size="h4" id={titleId}>
          {t('insight.scorecard.mine')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {period ? t('insight.scorecard.mineHint', { start: formatDate(period.start, zone), end: formatDate(period.end, zone) }) : t('insight.scorecard.counterpartyHint')}
      </Text>
      {!own ? (
        fetching ? <Loader size="sm" aria-label={t('insight.scorecard.loading')} /> : <Text size="sm">{t('insight.scorecard.none')}</Text>
      ) : (
        <Stack gap="md">
          <ScorecardFigures card={own} timeZone={zone} />
          <Stack gap={4} data-testid="scorecard-tips">
            <Text size="sm" fw={600}>
              {t('insight.scorecard.improve')}
            </Text>
            {tips.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('insight.scorecard.noTips')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {tips.map((tip) => {
                  const known = tipMessage(tip.code);
                  return (
                    <Group key={tip.code} component="li" gap={6} wrap="nowrap" align="flex-start" data-testid="scorecard-tip" data-code={tip.code}>
                      <IconBulb size={16} aria-hidden color="var(--mantine-color-yellow-7)" style={{ flex: 'none', marginTop: 2 }} />
                      <Text size="sm">{known ? t(known.key, known.values) : tip.message}</Text>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
