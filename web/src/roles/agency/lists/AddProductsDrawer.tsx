/**
 * Add approved products of the list's campaign, each at a creator rate set with the split calculator
 * (creator rate ↔ agency share, with the money per unit). One call adds them all or reports, per product,
 * what the server refused.
 */
import { Button, Drawer, Group, ScrollArea, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { SearchInput } from '../../../components/SearchInput';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { checkPercent } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { errorsByItem } from './itemErrors';
import { PRODUCTS_PER_LIST } from './limits';
import { fieldsFromCreatorBps, type SplitFields } from './split';
import { useT, type Translate } from '../../../i18n/context';
import {
  CampaignRegistrationsDocument,
  ProductListItemsSetDocument,
} from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { AddProductRow, type AddableRegistration } from './AddProductRow';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { valueProps } from '../../../components/valueProps';

type Registration = AddableRegistration;
interface Values {
  /** Chosen registrations, in the order they were picked (the order of the `set` input and its errors). */
  picked: Array<{ registration: Registration; fields: SplitFields }>;
  /** The rate "Apply" gives every picked product. */
  bulkRate: string;
}
/** The form's error path of the n-th picked product's rate (the server's answer about it). */
const pickPath = (index: number) => `picked.${index}.fields`;

const emptyFields = (t: Translate): SplitFields => ({ creatorText: '', agencyText: '', creatorBps: null, error: t('agency.lists.add.enterRate') });

export interface AddProductsDrawerProps {
  opened: boolean;
  listId: string;
  campaignId: string;
  /** Registrations already in the list. */
  listed: ReadonlySet<string>;
  itemCount: number;
  onClose: () => void;
  onAdded: (count: number) => void;
}

export function AddProductsDrawer(props: AddProductsDrawerProps) {
  const t = useT();
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      position="right"
      size={960}
      title={<Text fw={700}>{t('agency.lists.add.title')}</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {props.opened && <AddProductsForm {...props} />}
    </Drawer>
  );
}

function AddProductsForm({ listId, campaignId, listed, itemCount, onClose, onAdded }: AddProductsDrawerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [bookmarkedOnly, setBookmarkedOnly] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CampaignRegistrationsDocument,
    variables: {
      first: 100,
      filter: { campaignId, status: ['APPROVED'], search: debounced || null, bookmarked: bookmarkedOnly ? true : null },
    },
    requestPolicy: 'cache-and-network',
  });
  const rows = useMemo(() => data?.registrations.edges.map((e) => e.node) ?? [], [data]);

  // Each picked row's rule error shows after the first try; the server's answer about a row stays at it until
  // that row's rate is edited, and any other pick clears them all.
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { picked: [], bulkRate: '' },
    validateInputOnChange: ['bulkRate'],
    validate: { bulkRate: (text) => (text && checkPercent(text).error) || null },
  });
  const { picked, bulkRate } = form.values;
  const [tried, setTried] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const bulk = checkPercent(bulkRate);
  const [{ fetching: saving }, setItems] = useMutation(ProductListItemsSetDocument);

  const room = PRODUCTS_PER_LIST - itemCount;
  const overLimit = picked.length > room;
  const invalid = picked.some((p) => p.fields.error);
  const indexOf = (id: string) => picked.findIndex((p) => p.registration.id === id);
  /** The server's answers about picked rows (none: cleared); the bulk rate's own error stays. */
  const setPickErrors = (errors: Record<string, string>) => form.setErrors((current) => ({ bulkRate: current.bulkRate, ...errors }));

  const toggle = (registration: Registration) => {
    setPickErrors({});
    const index = indexOf(registration.id);
    if (index >= 0) form.removeListItem('picked', index);
    else form.insertListItem('picked', { registration, fields: bulk.bps !== null && !bulk.error ? fieldsFromCreatorBps(bulk.bps, registration.totalRateBps ?? 0) : emptyFields(t) });
  };
  const applyBulk = () => {
    if (bulk.bps === null || bulk.error) return;
    const bps = bulk.bps;
    form.setFieldValue('picked', picked.map((p) => ({ ...p, fields: fieldsFromCreatorBps(bps, p.registration.totalRateBps ?? 0) })));
  };

  const submit = async () => {
    setTried(true);
    setFormError(null);
    if (!picked.length || invalid || overLimit) return;
    const set = picked.map((p) => ({ registrationId: p.registration.id, creatorRateBps: p.fields.creatorBps! }));
    const result = await setItems({ input: { listId, set } });
    if (result.error) {
      setFormError(describeError(result.error));
      return;
    }
    const errors = result.data?.productListItemsSet.userErrors ?? [];
    if (errors.length) {
      const { byIndex, other } = errorsByItem(errors, 'set');
      setPickErrors(Object.fromEntries([...byIndex].map(([i, message]) => [pickPath(i), message])));
      setFormError(other.join(' ') || t('agency.lists.add.failed'));
      return;
    }
    onAdded(picked.length);
    onClose();
  };

  const available = rows.filter((r) => !listed.has(r.id));
  const filtered = debounced !== '' || bookmarkedOnly;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('agency.lists.add.intro')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchInput
            label={t('agency.lists.search')}
            placeholder={t('agency.lists.add.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            w={240}
          />
          <Switch label={t('agency.lists.add.bookmarkedOnly')} checked={bookmarkedOnly} onChange={(e) => setBookmarkedOnly(e.currentTarget.checked)} mb={8} />
          <Group gap={6} align="flex-end" ml="auto" wrap="nowrap">
            <RateInput label={t('agency.lists.add.bulkRate')} {...valueProps(form, 'bulkRate')} w={170} />
            <Button variant="light" onClick={applyBulk} disabled={!picked.length || bulk.bps === null || Boolean(bulk.error)}>
              {t('agency.lists.add.apply')}
            </Button>
          </Group>
        </Group>

        <FormErrorAlert message={formError} />

        {error && !data ? (
          <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data && fetching ? (
          <LoadingState label={t('agency.lists.add.loading')} />
        ) : rows.length === 0 ? (
          <EmptyBlock
            title={filtered ? t('agency.lists.add.noMatch') : t('agency.lists.add.none')}
            description={filtered ? t('agency.lists.add.noMatchHelp') : t('agency.lists.add.noneHelp')}
            icon={<IconPackage aria-hidden />}
          />
        ) : (
          <Table verticalSpacing="sm" data-testid="add-products-table">
            <VisuallyHidden component="caption">{t('agency.lists.add.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <VisuallyHidden>{t('agency.lists.add.select')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">{t('agency.lists.product')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('agency.lists.col.price')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('agency.lists.col.sellerTotal')}
                </Table.Th>
                <Table.Th scope="col">{t('agency.lists.add.splitColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const index = indexOf(row.id);
                return (
                  <AddProductRow
                    key={row.id}
                    row={row}
                    inList={listed.has(row.id)}
                    pick={picked[index]}
                    tried={tried}
                    serverError={index >= 0 ? ((form.errors[pickPath(index)] as string | undefined) ?? null) : null}
                    onToggle={() => toggle(row)}
                    onFields={(fields) => form.setFieldValue(`picked.${index}.fields`, fields)}
                  />
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {rows.length > 0 && available.length === 0 && !filtered && (
          <Text size="sm" c="dimmed">
            {t('agency.lists.add.allListed')}
          </Text>
        )}

        <Group
          justify="space-between"
          p="sm"
          bg="var(--mantine-color-body)"
          style={{ position: 'sticky', bottom: 0, borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}
        >
          <Text size="sm" c={overLimit ? 'red' : 'dimmed'} aria-live="polite" data-testid="add-summary">
            {t('agency.lists.add.summary', { picked: formatCount(picked.length), total: formatCount(itemCount + picked.length), max: formatCount(PRODUCTS_PER_LIST) })}
            {overLimit ? ` — ${t('agency.lists.add.removeSome', { shown: formatCount(picked.length - room) })}` : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={saving} disabled={!picked.length || overLimit}>
              {t('agency.lists.add.submit', { count: picked.length, shown: formatCount(picked.length) })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
