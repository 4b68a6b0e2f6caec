/** One approved product in the add-products drawer: pick it, then set its creator rate with the split calculator. */
import { Avatar, Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconBookmarkFilled, IconPackage } from '@tabler/icons-react';
import { RegistrationPriceRateCells } from '../campaigns/RegistrationProductCell';
import { ListItemSimulationPreview } from './ListItemSimulationPreview';
import type { SplitFields } from './split';
import { SplitCalculator } from './SplitCalculator';
import type { CampaignRegistrationsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';

export type AddableRegistration = CampaignRegistrationsQuery['registrations']['edges'][number]['node'];

export interface AddProductRowProps {
  row: AddableRegistration;
  /** Already in the list: shown, not pickable. */
  inList: boolean;
  /** The rate being set when the product is picked. */
  pick: { fields: SplitFields } | undefined;
  /** The form was submitted once: every picked row shows its error. */
  tried: boolean;
  serverError: string | null;
  onToggle: () => void;
  onFields: (fields: SplitFields) => void;
}

export function AddProductRow({ row, inList, pick, tried, serverError, onToggle, onFields }: AddProductRowProps) {
  const t = useT();
  const title = row.product?.title ?? t('agency.lists.product');
    return (
    <Table.Tr data-testid="add-product-row" bg={pick ? 'var(--mantine-color-indigo-light)' : undefined}>
      <Table.Td>
        <Checkbox aria-label={t('agency.lists.add.addItem', { title })} checked={inList || Boolean(pick)} disabled={inList} onChange={onToggle} />
      </Table.Td>
      <Table.Td maw={300}>
        <Group gap="sm" wrap="nowrap">
          <Avatar src={row.product?.imageUrl} alt="" radius="sm" size={36} color="indigo">
            <IconPackage size={16} aria-hidden />
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} lineClamp={2}>
              {title}
            </Text>
            <Group gap={4} wrap="nowrap">
              {row.bookmarked && <IconBookmarkFilled size={12} color="var(--mantine-color-yellow-6)" aria-label={t('agency.lists.add.bookmarked')} />}
              <Text size="xs" c="dimmed" lineClamp={1}>
                {row.shop?.name ?? '—'} · {t('agency.lists.add.samples', { count: row.sampleQuota ?? 0, shown: formatCount(row.sampleQuota ?? 0) })}
              </Text>
            </Group>
          </Stack>
        </Group>
      </Table.Td>
      <RegistrationPriceRateCells row={row} />
      <Table.Td miw={260}>
        {inList ? (
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {t('agency.lists.add.already')}
          </Badge>
        ) : pick && row.totalRateBps !== null ? (
          <Stack gap={4}>
            <SplitCalculator
              compact
              subject={title}
              totalBps={row.totalRateBps}
              price={row.product?.price ?? null}
              value={pick.fields}
              onChange={onFields}
              showError={tried || pick.fields.creatorText !== ''}
              serverError={serverError}
            />
            <ListItemSimulationPreview compact registrationId={row.id} creatorBps={pick.fields.error ? null : pick.fields.creatorBps} />
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('agency.lists.add.selectToSet')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
