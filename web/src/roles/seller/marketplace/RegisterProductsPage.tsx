/**
 * Register products into a campaign: pick from the own catalogue (search, multi-select across pages), set
 * each product's total rate, sample quota and optional shop-ads rate with a preview of what an order costs,
 * see every rule before submitting, then per-item results (failed items stay with their errors).
 */
import { Alert, Anchor, Breadcrumbs, Card, Checkbox, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPackage, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { queryFallback } from '../../../components/queryFallback';
import { usePager } from '../../../components/usePager';
import { categoryLabel } from '../../../features/registrations/categoryOptions';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import {
  SellerCampaignDocument,
  SellerProductsDocument,
  SellerRegistrationsDocument,
  SellerShopDocument,
  type RegistrationStatus,
} from '../../../generated/graphql';
import { formatCount, formatDateTime, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';
import { ContactAndSubmit } from './ContactAndSubmit';
import { ProductThumb } from './ProductThumb';
import { RegisteredAlert } from './RegisteredAlert';
import { SelectedTermsCard } from './SelectedTermsCard';
import { useRegisterForm } from './useRegisterForm';

const PAGE_SIZE = 10;
/** Registrations that block registering the product again (a REJECTED one may be registered anew). */
const BLOCKING: RegistrationStatus[] = ['PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER'];

export function RegisterProductsPage() {
  const t = useT();
  const { campaignId = '' } = useParams();
  const [campaignQuery, refetchCampaign] = useQuery({
    query: SellerCampaignDocument,
    variables: { id: campaignId },
  });
  const [{ data: shopData }] = useQuery({ query: SellerShopDocument });
  const [{ data: existingData }, refetchExisting] = useQuery({
    query: SellerRegistrationsDocument,
    variables: { first: 100, filter: { campaignId, status: BLOCKING } },
  });
  useRefetchOnReconnect(() => {
    refetchCampaign({ requestPolicy: 'network-only' });
    refetchExisting({ requestPolicy: 'network-only' });
  });

  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pager = usePager(debounced);
  const [{ data: productData, fetching: productsFetching, error: productsError }, refetchProducts] = useQuery({
    query: SellerProductsDocument,
    variables: { first: PAGE_SIZE, after: pager.after, search: debounced || null },
  });

  const existing = useMemo(() => {
    const map = new Map<string, RegistrationStatus>();
    for (const { node } of existingData?.registrations.edges ?? []) if (node.product) map.set(node.product.id, node.status);
    return map;
  }, [existingData]);

  const campaign = campaignQuery.data?.campaign;
  const tz = marketTimeZone(campaign?.market);
  const requirement = campaign?.commissionRequirementBps ?? 0;
  const formRef = useRef<HTMLFormElement>(null);
  const form = useRegisterForm({
    campaignId: campaign?.id ?? campaignId,
    requirement,
    timeZone: tz,
    shopEmail: shopData?.viewer?.shop?.contactEmail,
    formRef,
    onRegistered: () => {
      refetchExisting({ requestPolicy: 'network-only' });
      refetchCampaign({ requestPolicy: 'network-only' });
    },
  });
  const { isSelected } = form;

  const pending = queryFallback(campaignQuery, { onRetry: () => refetchCampaign({ requestPolicy: 'network-only' }), loadingLabel: t('seller.campaign.loading') });
  if (pending) return pending;
  if (!campaign) return <EmptyBlock title={t('seller.campaign.notAvailable')} description={t('seller.campaign.notAvailableBody')} />;

  const products = productData?.products.edges.map((e) => e.node) ?? [];
  const pageSelectable = products.filter((p) => !existing.has(p.id));
  const allOnPage = pageSelectable.length > 0 && pageSelectable.every((p) => isSelected(p.id));

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('seller.campaign.breadcrumb')}>
        <Anchor component={Link} to="../.." relative="path" size="sm">
          {t('seller.work.marketplace')}
        </Anchor>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {campaign.name}
        </Anchor>
        <span>{t('seller.campaign.registerProducts')}</span>
      </Breadcrumbs>
      <Title order={1} size="h2" mb={4}>
        {t('seller.campaign.registerProducts')}
      </Title>
      <Text c="dimmed" size="sm" mb="lg">
        {richT(t, 'seller.register.asks', { campaign: campaign.name }, { rate: <b>{formatRate(requirement)}</b> })}{' '}
        {campaign.registrationOpen ? t('seller.register.openUntil', { date: formatDateTime(campaign.registrationEnd, tz) }) : t('seller.register.notOpen')}
      </Text>

      {!campaign.registrationOpen && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="lg">
          {t('seller.register.notTaking')}
        </Alert>
      )}

      <RegisteredAlert registered={form.registered} />

      <form ref={formRef} onSubmit={(e) => void form.submit(e)} noValidate aria-label={t('seller.campaign.registerProducts')}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="pick-title">
              <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
                <Title order={2} size="h4" id="pick-title">
                  {t('seller.register.step1')}
                </Title>
                <TextInput
                  label={t('seller.register.searchCatalogue')}
                  placeholder={t('seller.catalogue.searchPlaceholder')}
                  type="search"
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
                  w={{ base: '100%', sm: 260 }}
                />
              </Group>
              <QueryBoundary
                data={productData}
                fetching={productsFetching}
                error={productsError}
                onRetry={() => refetchProducts({ requestPolicy: 'network-only' })}
                loadingLabel={t('seller.catalogue.loading')}
                empty={products.length === 0 && <EmptyBlock title={debounced ? t('seller.register.noMatch') : t('seller.register.noProducts')} icon={<IconPackage aria-hidden />} />}
              >
                <div style={{ position: 'relative' }}>
                  <RefreshOverlay visible={productsFetching} />
                  <Checkbox
                    label={t('seller.register.selectAll')}
                    checked={allOnPage}
                    indeterminate={!allOnPage && pageSelectable.some((p) => isSelected(p.id))}
                    disabled={pageSelectable.length === 0}
                    onChange={() =>
                      pageSelectable.forEach((p) => {
                        if (allOnPage === isSelected(p.id)) form.toggle(p);
                      })
                    }
                    mb="xs"
                  />
                  <Stack gap={0} component="ul" aria-label={t('seller.campaign.yourProducts')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {products.map((p) => {
                      const status = existing.get(p.id);
                      return (
                        <Group
                          key={p.id}
                          component="li"
                          gap="sm"
                          wrap="nowrap"
                          py="xs"
                          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                          data-testid="pick-row"
                        >
                          <Checkbox
                            aria-label={t('seller.register.select', { title: p.title })}
                            checked={isSelected(p.id)}
                            disabled={status !== undefined}
                            onChange={() => form.toggle(p)}
                          />
                          <ProductThumb url={p.imageUrl} />
                          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                            <Text size="sm" fw={500} lineClamp={1}>
                              {p.title}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('seller.register.categoryStock', { category: categoryLabel(t, p.category), stock: formatCount(p.stock) })}
                            </Text>
                          </Stack>
                          {status ? (
                            <RegistrationStatusBadge status={status} />
                          ) : (
                            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                              {formatMoneyOrDash(p.price)}
                            </Text>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                  <PagerControls
                    pager={pager}
                    pageSize={PAGE_SIZE}
                    shown={products.length}
                    totalCount={productData?.products.totalCount ?? 0}
                    hasNextPage={productData?.products.pageInfo.hasNextPage ?? false}
                    endCursor={productData?.products.pageInfo.endCursor}
                    busy={productsFetching}
                    label={t('seller.catalogue.pages')}
                  />
                </div>
              </QueryBoundary>
            </Card>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <SelectedTermsCard form={form} campaignId={campaignId} requirement={requirement} />
              <ContactAndSubmit form={form} />
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
