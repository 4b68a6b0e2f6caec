/** The product table's filters (status, category, posted content, bookmarked for agencies) and its sort. */
import { Button, Group, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import type { ProductPerformanceSortField } from '../../generated/graphql';
import { StatusChips } from '../../components/StatusChips';
import { useT } from '../../i18n/context';
import { categoryOptions } from '../registrations/categoryOptions';
import { REGISTRATION_STATUS } from '../registrations/registrationStatus';
import {
  anyProductFilter,
  EMPTY_PRODUCT_FILTERS,
  PERFORMANCE_STATUSES,
  SORT_KEY,
  sortFieldsFor,
  type ProductFilterValues,
  type ProductSort,
} from './productFilters';
import type { Perspective } from './series';

export interface ProductPerformanceFiltersProps {
  /** Labels the "posted" control. */
  idPrefix: string;
  perspective: Exclude<Perspective, 'creator'>;
  filters: ProductFilterValues;
  setFilters: (filters: ProductFilterValues) => void;
  sort: ProductSort;
  setSort: (sort: ProductSort) => void;
}

export function ProductPerformanceFilters({ idPrefix, perspective, filters, setFilters, sort, setSort }: ProductPerformanceFiltersProps) {
  const t = useT();
  const titleId = idPrefix;
  const agency = perspective === 'agency';
  const set = (patch: Partial<ProductFilterValues>) => setFilters({ ...filters, ...patch });
  const sortOptions = sortFieldsFor(perspective).map((f) => ({ value: f, label: t(SORT_KEY[f]) }));
  return (
    <Stack gap="sm" mb="md">
      <StatusChips
        label={t('insight.products.status')}
        options={PERFORMANCE_STATUSES}
        value={filters.statuses}
        onChange={(v) => set({ statuses: v })}
        meta={(s) => ({ color: REGISTRATION_STATUS[s].color, text: REGISTRATION_STATUS[s].label })}
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('insight.products.category')} placeholder={t('insight.products.allCategories')} clearable searchable data={categoryOptions(t)} value={filters.category} onChange={(v) => set({ category: v })} w={220} />
        <Stack gap={2}>
          <Text size="sm" fw={500} id={`${titleId}-content`}>
            {t('insight.products.posted')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${titleId}-content`}
            value={filters.content}
            onChange={(v) => set({ content: v as ProductFilterValues['content'] })}
            data={[
              { value: 'any', label: t('insight.products.any') },
              { value: 'yes', label: t('insight.products.hasContent') },
              { value: 'no', label: t('insight.products.noContent') },
            ]}
          />
        </Stack>
        <Select
          label={t('insight.products.sortBy')}
          data={sortOptions}
          value={sort.field}
          onChange={(v) => v && setSort({ field: v as ProductPerformanceSortField, direction: 'DESC' })}
          allowDeselect={false}
          w={270}
        />
        <SegmentedControl
          aria-label={t('insight.products.direction')}
          value={sort.direction}
          onChange={(v) => setSort({ ...sort, direction: v as ProductSort['direction'] })}
          data={[
            { value: 'DESC', label: t('insight.products.highest') },
            { value: 'ASC', label: t('insight.products.lowest') },
          ]}
        />
        {agency && <Switch label={t('insight.products.bookmarkedOnly')} checked={filters.bookmarkedOnly} onChange={(e) => set({ bookmarkedOnly: e.currentTarget.checked })} mb={8} />}
        {anyProductFilter(filters) && (
          <Button variant="subtle" size="xs" onClick={() => setFilters(EMPTY_PRODUCT_FILTERS)} mb={6}>
            {t('insight.products.clear')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
