/** A product list's products: a table of them (or how to add the first), and a note once the campaign has ended. */
import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconPackage, IconPlus } from '@tabler/icons-react';
import { DataTable } from '../../../components/DataTable';
import { EmptyBlock } from '../../../components/QueryState';
import { useT } from '../../../i18n/context';
import { ListItemRow, type ListItem } from './ListItemRow';

export interface ListItemsCardProps {
  items: ReadonlyArray<ListItem>;
  /** The campaign has ended: nothing can be added. */
  closed: boolean;
  onAdd: () => void;
  onReprice: (item: ListItem) => void;
  onRemove: (item: ListItem) => void;
}

export function ListItemsCard({ items, closed, onAdd, onReprice, onRemove }: ListItemsCardProps) {
  const t = useT();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="list-items-title">
      <Group justify="space-between" align="baseline" mb="sm">
        <Text component="h2" fw={700} size="lg" id="list-items-title" m={0}>
          {t('agency.lists.itemsTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('agency.lists.itemsHelp')}
        </Text>
      </Group>
      {items.length === 0 ? (
        <EmptyBlock
          title={t('agency.lists.noItems')}
          description={t('agency.lists.noItemsHelp')}
          icon={<IconPackage aria-hidden />}
        >
          <Button mt="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd} disabled={closed}>
            {t('agency.lists.addProducts')}
          </Button>
        </EmptyBlock>
      ) : (
        <DataTable
          caption={t('agency.lists.itemsCaption')}
          minWidth={860}
          verticalSpacing="sm"
          highlightOnHover
          data-testid="list-items"
          columns={[
            { label: t('agency.lists.product') },
            { label: t('agency.lists.col.price'), align: 'right' },
            { label: t('agency.lists.col.sellerTotal'), align: 'right' },
            { label: t('agency.lists.col.creatorRate'), align: 'right' },
            { label: t('agency.lists.col.agencyShare'), align: 'right' },
            { label: t('agency.lists.col.creators'), align: 'right' },
            { label: t('agency.lists.col.actions'), hideLabel: true },
          ]}
        >
          {items.map((item) => (
            <ListItemRow key={item.id} item={item} onReprice={() => onReprice(item)} onRemove={() => onRemove(item)} />
          ))}
        </DataTable>
      )}
      {closed && (
        <Alert mt="md" color="gray" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('agency.lists.endedNote')}
        </Alert>
      )}
    </Card>
  );
}
