/**
 * Register products into a campaign: pick from the own catalogue (search, multi-select across pages), set
 * each product's total rate, sample quota and optional shop-ads rate with a preview of what an order costs,
 * see every rule before submitting, then per-item results (failed items stay with their errors).
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  LoadingOverlay,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconPackage, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PagerControls } from '../../../components/PagerControls';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { usePager } from '../../../components/usePager';
import { bpsToPercentText } from '../../../features/campaigns/percent';
import { RateInput } from '../../../features/campaigns/RateInput';
import { RegistrationSimulationPreview } from '../../../features/insight/RegistrationSimulationPreview';
import { categoryLabel } from '../../../features/registrations/categoryOptions';
import { orderCostPreview } from '../../../features/registrations/costPreview';
import { checkItemTerms, itemErrorField, type ItemField, type ItemTermsText } from '../../../features/registrations/registrationItemRules';
import { RegistrationStatusBadge } from '../../../features/registrations/RegistrationStatusBadge';
import { windowErrorMessage } from '../../../features/registrations/windowErrors';
import {
  RegistrationCreateDocument,
  SellerCampaignDocument,
  SellerProductsDocument,
  SellerRegistrationsDocument,
  SellerShopDocument,
  type RegistrationStatus,
  type SellerProductsQuery,
} from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDateTime, formatMoney, formatMoneyOrDash, formatRate } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

const PAGE_SIZE = 10;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WHATSAPP_RE = /^\+?[0-9][0-9 ()-]{5,30}$/;
/** Registrations that block registering the product again (a REJECTED one may be registered anew). */
const BLOCKING: RegistrationStatus[] = ['PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER'];

type Product = SellerProductsQuery['products']['edges'][number]['node'];

interface SelectedItem {
  product: Product;
  terms: ItemTermsText;
  /** Errors the server reported for this item, by field ('product' for the item as a whole). */
  serverErrors: Partial<Record<ItemField | 'product', string>>;
}

interface Registered {
  product: Product;
  rateBps: number;
}

function Thumb({ url }: { url: string | null }) {
  return (
    <Avatar src={url} alt="" radius="sm" size={36} color="orange">
      <IconPackage size={16} aria-hidden />
    </Avatar>
  );
}

function CostPreview({ product, rateBps }: { product: Product; rateBps: number | null }) {
  const t = useT();
  if (!product.price) return <Text size="xs" c="dimmed">{t('seller.register.noPrice')}</Text>;
  if (rateBps === null) return <Text size="xs" c="dimmed">{t('seller.register.enterRate')}</Text>;
  const preview = orderCostPreview(product.price, rateBps);
  return (
    <Text size="xs" c="dimmed" data-testid="cost-preview">
      {richT(
        t,
        'seller.register.costPreview',
        { price: formatMoney(preview.price), rate: formatRate(rateBps), net: formatMoney(preview.net) },
        {
          commission: (
            <Text span fw={700} c="var(--mantine-color-text)" inherit>
              {formatMoney(preview.commission)}
            </Text>
          ),
        },
      )}
    </Text>
  );
}

export function RegisterProductsPage() {
  const t = useT();
  const { campaignId = '' } = useParams();
  const [{ data: campaignData, fetching: campaignFetching, error: campaignError }, refetchCampaign] = useQuery({
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

  const [selected, setSelected] = useState<SelectedItem[]>([]);
  const [applyAll, setApplyAll] = useState('');
  const [contactEmail, setContactEmail] = useState<string | null>(null);
  const [whatsapp, setWhatsapp] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [formErrors, setFormErrors] = useState<{ contactEmail?: string; contactWhatsapp?: string; general?: string }>({});
  const [registered, setRegistered] = useState<Registered[]>([]);
  const [{ fetching: saving }, create] = useMutation(RegistrationCreateDocument);
  const formRef = useRef<HTMLFormElement>(null);

  const existing = useMemo(() => {
    const map = new Map<string, RegistrationStatus>();
    for (const { node } of existingData?.registrations.edges ?? []) if (node.product) map.set(node.product.id, node.status);
    return map;
  }, [existingData]);

  const campaign = campaignData?.campaign;
  if (campaignError && !campaignData) return <ErrorState error={campaignError} onRetry={() => refetchCampaign({ requestPolicy: 'network-only' })} />;
  if (!campaignData && campaignFetching) return <LoadingState label={t('seller.campaign.loading')} />;
  if (!campaign) return <EmptyBlock title={t('seller.campaign.notAvailable')} description={t('seller.campaign.notAvailableBody')} />;

  const tz = marketTimeZone(campaign.market);
  const requirement = campaign.commissionRequirementBps;
  const email = contactEmail ?? shopData?.viewer?.shop?.contactEmail ?? '';
  const checked = selected.map((item) => checkItemTerms(item.terms, requirement));
  const emailError = !email.trim() ? t('seller.terms.enterEmail') : !EMAIL_RE.test(email.trim()) ? t('seller.register.validEmail') : null;
  const whatsappError = whatsapp.trim() && !WHATSAPP_RE.test(whatsapp.trim()) ? t('seller.register.validWhatsapp') : null;
  const invalidCount = checked.filter((c) => Object.keys(c.errors).length > 0).length;
  const canSubmit = selected.length > 0 && invalidCount === 0 && !emailError && !whatsappError;

  const isSelected = (id: string) => selected.some((s) => s.product.id === id);
  const toggle = (product: Product) =>
    setSelected((items) =>
      items.some((s) => s.product.id === product.id)
        ? items.filter((s) => s.product.id !== product.id)
        : [...items, { product, terms: { rate: applyAll || bpsToPercentText(requirement), samples: '0', adsRate: '' }, serverErrors: {} }],
    );
  const setTerm = (id: string, field: ItemField, value: string) =>
    setSelected((items) =>
      items.map((s) => (s.product.id === id ? { ...s, terms: { ...s.terms, [field]: value }, serverErrors: { ...s.serverErrors, [field]: undefined, product: undefined } } : s)),
    );

  const products = productData?.products.edges.map((e) => e.node) ?? [];
  const pageSelectable = products.filter((p) => !existing.has(p.id));
  const allOnPage = pageSelectable.length > 0 && pageSelectable.every((p) => isSelected(p.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!canSubmit) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const items = selected.map((s, i) => ({
      productId: s.product.id,
      totalRateBps: checked[i]!.totalRateBps!,
      sampleQuota: checked[i]!.sampleQuota!,
      shopAdsRateBps: checked[i]!.shopAdsRateBps,
    }));
    const result = await create({ input: { campaignId: campaign.id, items, contactEmail: email.trim(), contactWhatsapp: whatsapp.trim() || null } });
    const payload = result.data?.registrationCreate;
    if (result.error || !payload) {
      setFormErrors({ general: result.error ? describeError(result.error) : t('seller.noAnswer') });
      return;
    }
    if (payload.userErrors.length > 0) {
      const next: typeof formErrors = {};
      for (const e of payload.userErrors) {
        const field = e.field?.[e.field.length - 1];
        if (field === 'contactEmail' || field === 'contactWhatsapp') next[field] = e.message;
        else {
          const message = windowErrorMessage(e, tz);
          next.general = next.general ? `${next.general} ${message}` : message;
        }
      }
      setFormErrors(next);
      return;
    }
    setFormErrors({});
    const done: Registered[] = [];
    const remaining: SelectedItem[] = [];
    payload.results.forEach((r) => {
      const item = selected[r.index];
      if (!item) return;
      if (r.registration && r.userErrors.length === 0) {
        done.push({ product: item.product, rateBps: r.registration.totalRateBps ?? items[r.index]!.totalRateBps });
        return;
      }
      const serverErrors: SelectedItem['serverErrors'] = {};
      for (const e of r.userErrors) {
        const key = itemErrorField(e.field) ?? 'product';
        serverErrors[key] = serverErrors[key] ? `${serverErrors[key]} ${e.message}` : e.message;
      }
      remaining.push({ ...item, serverErrors });
    });
    setSelected(remaining);
    setRegistered((prev) => [...done, ...prev]);
    setSubmitted(false);
    refetchExisting({ requestPolicy: 'network-only' });
    refetchCampaign({ requestPolicy: 'network-only' });
    if (done.length)
      notifications.show({
        color: remaining.length ? 'orange' : 'teal',
        title: t('seller.register.doneTitle', { count: done.length, shown: formatCount(done.length) }),
        message: remaining.length ? t('seller.register.someFailed', { shown: formatCount(remaining.length) }) : t('seller.register.doneBody'),
      });
  };

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

      {registered.length > 0 && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('seller.register.registeredPending', { count: registered.length, shown: formatCount(registered.length) })}
          mb="lg"
          data-testid="register-success"
        >
          <Stack gap={6}>
            <Text size="sm">{registered.map((r) => `${r.product.title} (${formatRate(r.rateBps)})`).join(' · ')}</Text>
            <Group gap="sm">
              <Button component={Link} to="../../../registrations" relative="path" size="xs" variant="light" color="teal">
                {t('seller.register.viewMine')}
              </Button>
              <Button component={Link} to=".." relative="path" size="xs" variant="subtle" color="teal">
                {t('seller.register.backToCampaign')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('seller.campaign.registerProducts')}>
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
              {productsError && !productData ? (
                <ErrorState error={productsError} onRetry={() => refetchProducts({ requestPolicy: 'network-only' })} />
              ) : !productData && productsFetching ? (
                <LoadingState label={t('seller.catalogue.loading')} />
              ) : products.length === 0 ? (
                <EmptyBlock title={debounced ? t('seller.register.noMatch') : t('seller.register.noProducts')} icon={<IconPackage aria-hidden />} />
              ) : (
                <div style={{ position: 'relative' }}>
                  <LoadingOverlay visible={productsFetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
                  <Checkbox
                    label={t('seller.register.selectAll')}
                    checked={allOnPage}
                    indeterminate={!allOnPage && pageSelectable.some((p) => isSelected(p.id))}
                    disabled={pageSelectable.length === 0}
                    onChange={() =>
                      pageSelectable.forEach((p) => {
                        if (allOnPage === isSelected(p.id)) toggle(p);
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
                            onChange={() => toggle(p)}
                          />
                          <Thumb url={p.imageUrl} />
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
              )}
            </Card>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="terms-title">
                <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
                  <Title order={2} size="h4" id="terms-title">
                    {selected.length ? t('seller.register.step2Count', { count: selected.length }) : t('seller.register.step2')}
                  </Title>
                  <Group gap={6} align="flex-end" wrap="nowrap">
                    <RateInput label={t('seller.register.rateForAll')} placeholder={bpsToPercentText(requirement)} value={applyAll} onChange={setApplyAll} w={140} />
                    <Button
                      variant="default"
                      disabled={!applyAll.trim() || selected.length === 0}
                      onClick={() => selected.forEach((s) => setTerm(s.product.id, 'rate', applyAll))}
                    >
                      {t('seller.register.apply')}
                    </Button>
                  </Group>
                </Group>
                {selected.length === 0 ? (
                  <EmptyBlock title={t('seller.register.noneSelected')} description={t('seller.register.noneSelectedBody')} icon={<IconPackage aria-hidden />} />
                ) : (
                  <Stack gap="sm">
                    {selected.map((item, i) => {
                      const c = checked[i]!;
                      const show = (field: ItemField) => item.serverErrors[field] ?? (submitted || item.terms[field] !== '' ? c.errors[field] : undefined);
                      return (
                        <Paper key={item.product.id} withBorder p="sm" radius="md" data-testid="selected-item">
                          <Group justify="space-between" wrap="nowrap" mb="xs" gap="sm">
                            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                              <Thumb url={item.product.imageUrl} />
                              <Stack gap={0} style={{ minWidth: 0 }}>
                                <Text size="sm" fw={600} lineClamp={1}>
                                  {item.product.title}
                                </Text>
                                <Text size="xs" c="dimmed">
                                  {t('seller.register.fromPrice', { price: formatMoneyOrDash(item.product.price) })}
                                </Text>
                              </Stack>
                            </Group>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('seller.register.remove', { title: item.product.title })} onClick={() => toggle(item.product)}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Group>
                          {item.serverErrors.product && (
                            <Alert color="red" variant="light" p="xs" mb="xs" role="alert">
                              <Text size="sm">{item.serverErrors.product}</Text>
                            </Alert>
                          )}
                          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
                            <RateInput
                              label={t('seller.orders.colTotalRate')}
                              required
                              value={item.terms.rate}
                              onChange={(v) => setTerm(item.product.id, 'rate', v)}
                              error={show('rate')}
                              aria-label={t('seller.register.rateFor', { title: item.product.title })}
                            />
                            <TextInput
                              label={t('seller.terms.sampleQuota')}
                              inputMode="numeric"
                              value={item.terms.samples}
                              onChange={(e) => setTerm(item.product.id, 'samples', e.currentTarget.value)}
                              error={show('samples')}
                              aria-label={t('seller.register.quotaFor', { title: item.product.title })}
                            />
                            <RateInput
                              label={t('seller.terms.adsRate')}
                              placeholder={t('seller.optional')}
                              value={item.terms.adsRate}
                              onChange={(v) => setTerm(item.product.id, 'adsRate', v)}
                              error={show('adsRate')}
                              aria-label={t('seller.register.adsFor', { title: item.product.title })}
                            />
                          </SimpleGrid>
                          <div style={{ marginTop: 6 }}>
                            <CostPreview product={item.product} rateBps={c.totalRateBps} />
                            <RegistrationSimulationPreview
                              campaignId={campaignId}
                              productId={item.product.id}
                              terms={{ totalRateBps: c.totalRateBps, sampleQuota: c.sampleQuota, shopAdsRateBps: c.shopAdsRateBps }}
                            />
                          </div>
                        </Paper>
                      );
                    })}
                  </Stack>
                )}
              </Card>

              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="contact-title">
                <Title order={2} size="h4" id="contact-title" mb="sm">
                  {t('seller.register.step3')}
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <TextInput
                    label={t('seller.terms.contactEmail')}
                    required
                    type="email"
                    autoComplete="email"
                    value={email}
                    onChange={(e) => {
                      setContactEmail(e.currentTarget.value);
                      setFormErrors((f) => ({ ...f, contactEmail: undefined }));
                    }}
                    error={formErrors.contactEmail ?? (submitted ? emailError : null)}
                  />
                  <TextInput
                    label={t('seller.register.whatsappOptional')}
                    type="tel"
                    value={whatsapp}
                    onChange={(e) => {
                      setWhatsapp(e.currentTarget.value);
                      setFormErrors((f) => ({ ...f, contactWhatsapp: undefined }));
                    }}
                    error={formErrors.contactWhatsapp ?? whatsappError}
                  />
                </SimpleGrid>
              </Card>

              {formErrors.general && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('seller.register.nothingRegistered')} role="alert">
                  {formErrors.general}
                </Alert>
              )}
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text size="sm" c={submitted && invalidCount ? 'red' : 'dimmed'} aria-live="polite">
                  {selected.length === 0
                    ? t('seller.register.selectOne')
                    : invalidCount
                      ? t('seller.register.needAttention', { count: invalidCount, shown: formatCount(invalidCount) })
                      : t('seller.register.ready', { count: selected.length, shown: formatCount(selected.length) })}
                </Text>
                <Button type="submit" loading={saving} disabled={selected.length === 0}>
                  {t('seller.register.submit', { count: selected.length, shown: formatCount(selected.length) })}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
