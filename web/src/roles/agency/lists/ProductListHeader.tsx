/** A product list's head: breadcrumbs, name (rename), its campaign, how full it is, add products and the list's menu. */
import { ActionIcon, Anchor, Breadcrumbs, Button, Group, Menu, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCopy, IconDots, IconEdit, IconFileSpreadsheet, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CampaignStatusBadge } from '../../../features/campaigns/CampaignStatusBadge';
import { LISTS_PER_AGENCY, PRODUCTS_PER_LIST } from './limits';
import type { ProductListQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount, formatDate } from '../../../lib/format';
import { approvedProductsCsvUrl } from './paths';

export type ProductList = NonNullable<ProductListQuery['productList']>;

export interface ProductListHeaderProps {
  list: ProductList;
  /** The campaign market's time zone. */
  tz: string;
  full: boolean;
  closed: boolean;
  onRename: () => void;
  onAdd: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function ProductListHeader({ list, tz, full, closed, onRename, onAdd, onDuplicate, onDelete }: ProductListHeaderProps) {
  const t = useT();
  const campaign = list.campaign;
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('agency.lists.breadcrumb')}>
        <Anchor component={Link} to="/agency/lists" size="sm">
          {t('agency.lists.title')}
        </Anchor>
        <Text size="sm" truncate maw={400}>
          {list.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h2" lineClamp={2}>
              {list.name}
            </Title>
            <Tooltip label={t('agency.lists.rename')} withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={t('agency.lists.renameTitle')} onClick={onRename}>
                <IconEdit size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap="xs" wrap="wrap">
            {campaign && (
              <>
                <Anchor component={Link} to={`/agency/campaigns/${encodeURIComponent(campaign.id)}`} size="sm">
                  {campaign.name}
                </Anchor>
                <CampaignStatusBadge status={campaign.status} />
                <Text size="sm" c="dimmed">
                  {t(closed ? 'agency.lists.ended' : 'agency.lists.ends', { date: formatDate(campaign.campaignEnd, tz) })}
                </Text>
              </>
            )}
          </Group>
        </Stack>
        <Group gap="sm" align="center">
          <Stack gap={2} miw={150} data-testid="item-limit">
            <Text size="xs" c="dimmed" ta="right">
              <Text span fw={700} c={full ? 'red' : undefined} inherit>
                {formatCount(list.itemCount)}
              </Text>{' '}
              {t('agency.lists.itemLimit', { max: formatCount(PRODUCTS_PER_LIST) })}
            </Text>
            <Progress value={(list.itemCount * 100) / PRODUCTS_PER_LIST} size="xs" color={full ? 'red' : 'indigo'} aria-hidden />
          </Stack>
          <Tooltip label={closed ? t('agency.lists.campaignEnded') : t('agency.lists.full', { max: formatCount(PRODUCTS_PER_LIST) })} disabled={!full && !closed} withArrow>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd} disabled={full || closed}>
              {t('agency.lists.addProducts')}
            </Button>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={t('agency.lists.moreActions')}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={onRename}>
                {t('agency.lists.renameMenu')}
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={onDuplicate} title={t('agency.lists.atMostLists', { max: formatCount(LISTS_PER_AGENCY) })}>
                {t('agency.lists.duplicate')}
              </Menu.Item>
              {campaign && (
                <Menu.Item component="a" href={approvedProductsCsvUrl(campaign.id)} download leftSection={<IconFileSpreadsheet size={14} aria-hidden />}>
                  {t('agency.lists.exportCampaignCsv')}
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
                {t('agency.lists.deleteMenu')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </>
  );
}
