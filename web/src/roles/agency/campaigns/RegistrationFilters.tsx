/**
 * The registration review's filters: status chips (with the campaign's counts), search, category, price, total
 * rate, posted content, registration days, sort and bookmarked only.
 */
import { Chip, Group, Select, Stack, Switch, TextInput, VisuallyHidden } from '@mantine/core';
import { SearchInput } from '../../../components/SearchInput';
import { DateField } from '../../../components/dates/DateField';
import { RateInput } from '../../../features/campaigns/RateInput';
import { categoryOptions } from '../../../features/registrations/categoryOptions';
import { REGISTRATION_SORTS, type BuiltRegistrationFilter, type ContentFilter, type RegistrationFilterValues } from './registrationFilterValues';
import { REGISTRATION_STATUS, REGISTRATION_STATUSES } from '../../../features/registrations/registrationStatus';
import type { AgencyCampaignQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';
import { RangeField } from './RangeField';

export type RegistrationCounts = NonNullable<NonNullable<AgencyCampaignQuery['campaign']>['registrationCounts']>;

const COUNT_KEY: Record<string, keyof RegistrationCounts> = {
  PENDING: 'pending',
  APPROVED: 'approved',
  PENDING_CLOSED: 'pendingClosed',
  CLOSED: 'closed',
  REJECTED: 'rejected',
  REJECT_FOREVER: 'rejectForever',
  WITHDRAWN: 'withdrawn',
};

export interface RegistrationFiltersProps {
  filters: RegistrationFilterValues;
  onChange: (patch: Partial<RegistrationFilterValues>) => void;
  /** The filter's input errors (buildRegistrationFilter). */
  errors: BuiltRegistrationFilter['errors'];
  counts: RegistrationCounts | null;
  currency: string;
  /** The search box's text as typed (the filter's search is debounced). */
  search: string;
  onSearch: (text: string) => void;
  sortValue: string;
  onSort: (value: string) => void;
}

export function RegistrationFilters({ filters, onChange: set, errors, counts, currency, search, onSearch, sortValue, onSort }: RegistrationFiltersProps) {
  const t = useT();
  return (
    <Stack gap="sm" mb="md">
      <div role="group" aria-labelledby="registration-status-filter">
        <VisuallyHidden id="registration-status-filter">{t('campaigns.list.status')}</VisuallyHidden>
        <Chip.Group multiple value={filters.statuses} onChange={(v) => set({ statuses: v as RegistrationFilterValues['statuses'] })}>
          <Group gap={6}>
            {REGISTRATION_STATUSES.map((s) => (
              <Chip key={s} value={s} size="xs" variant="outline" color={REGISTRATION_STATUS[s].color}>
                {REGISTRATION_STATUS[s].label}
                {counts ? ` · ${formatCount(counts[COUNT_KEY[s]!] as number)}` : ''}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <SearchInput
          label={t('campaigns.list.search')}
          placeholder={t('campaigns.registrations.searchPlaceholder')}
          value={search}
          onChange={(value) => {
            onSearch(value);
            set({ search: value });
          }}
          w={220}
        />
        <Select
          label={t('campaigns.registrations.category')}
          placeholder={t('campaigns.registrations.allCategories')}
          clearable
          searchable
          data={categoryOptions(t)}
          value={filters.category}
          onChange={(v) => set({ category: v })}
          w={220}
        />
        <RangeField label={t('campaigns.registrations.priceIn', { currency })} error={errors.minPrice ?? errors.maxPrice}>
          <TextInput aria-label={t('campaigns.registrations.minPrice')} placeholder={t('campaigns.registrations.min')} inputMode="decimal" value={filters.minPrice} onChange={(e) => set({ minPrice: e.currentTarget.value })} error={Boolean(errors.minPrice)} w={104} />
          <TextInput aria-label={t('campaigns.registrations.maxPrice')} placeholder={t('campaigns.registrations.max')} inputMode="decimal" value={filters.maxPrice} onChange={(e) => set({ maxPrice: e.currentTarget.value })} error={Boolean(errors.maxPrice)} w={104} />
        </RangeField>
        <RangeField label={t('campaigns.registrations.totalRate')} error={errors.minRate ?? errors.maxRate}>
          <RateInput aria-label={t('campaigns.registrations.minRate')} placeholder={t('campaigns.registrations.min')} value={filters.minRate} onChange={(text) => set({ minRate: text })} error={Boolean(errors.minRate)} w={112} />
          <RateInput aria-label={t('campaigns.registrations.maxRate')} placeholder={t('campaigns.registrations.max')} value={filters.maxRate} onChange={(text) => set({ maxRate: text })} error={Boolean(errors.maxRate)} w={112} />
        </RangeField>
        <Select
          label={t('campaigns.registrations.content')}
          data={[
            { value: 'ANY', label: t('campaigns.registrations.contentAny') },
            { value: 'WITH', label: t('campaigns.registrations.contentWith') },
            { value: 'WITHOUT', label: t('campaigns.registrations.contentWithout') },
          ]}
          value={filters.content}
          onChange={(v) => set({ content: (v ?? 'ANY') as ContentFilter })}
          allowDeselect={false}
          w={160}
        />
        <RangeField label={t('campaigns.registrations.registeredDays')} error={errors.registeredTo}>
          <DateField aria-label={t('campaigns.registrations.registeredFrom')} value={filters.registeredFrom} onChange={(registeredFrom) => set({ registeredFrom })} w={170} />
          <DateField aria-label={t('campaigns.registrations.registeredUntil')} value={filters.registeredTo} onChange={(registeredTo) => set({ registeredTo })} error={Boolean(errors.registeredTo)} w={170} />
        </RangeField>
        <Select
          label={t('campaigns.list.sortBy')}
          data={REGISTRATION_SORTS.map(({ value, label }) => ({ value, label: t(label) }))}
          value={sortValue}
          onChange={(v) => v && onSort(v)}
          allowDeselect={false}
          w={300}
        />
        <Switch label={t('campaigns.registrations.bookmarkedOnly')} checked={filters.bookmarkedOnly} onChange={(e) => set({ bookmarkedOnly: e.currentTarget.checked })} mt={32} />
      </Group>
    </Stack>
  );
}
