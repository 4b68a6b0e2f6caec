/**
 * /c/:token — the offer behind a share link, as the creator sees it: its own rate for each product (never the
 * seller's total or the agency's share), price, stock and samples, and the lower-rate notice where the product
 * is already promoted through another offer. Accept the terms and add all or some products.
 */
import { Alert, Anchor, Box, Button, Card, Checkbox, Collapse, Group, List, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconLinkOff, IconSparkles } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { addableItems, planShowcaseAdd } from './offerSelection';
import { useShowcaseEvents } from '../../../features/showcase/useShowcaseEvents';
import { SharedOfferDocument, ShowcaseAddDocument, type OfferChoice } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { OfferHeader } from './OfferHeader';
import { OfferItemCard, type OfferItem } from './OfferItemCard';
import { OFFER_TERMS } from './terms';
import { revealChoice, useStickyClearance } from './useStickyClearance';
import { useT } from '../../../i18n/context';

// Only an invalid link shows the paste box: it loads then, off the share link's first page (its bundle budget).
const PasteLinkCard = lazy(() => import('../PasteLinkCard').then((m) => ({ default: m.PasteLinkCard })));

export function InvalidLink() {
  const t = useT();
  return (
    <Stack gap="md" data-testid="invalid-link">
      <Card withBorder radius="lg" padding="xl">
        <Stack align="center" gap="sm" ta="center">
          <IconLinkOff size={48} color="var(--mantine-color-gray-6)" aria-hidden />
          <Title order={1} size="h3">
            {t('offers.invalid.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('offers.invalid.body')}
          </Text>
          <Button component={Link} to="/creator/offers" variant="light" size="md" mt="xs">
            {t('offers.invalid.seeOffers')}
          </Button>
        </Stack>
      </Card>
      <Suspense fallback={null}>
        <PasteLinkCard title={t('offers.invalid.tryAnother')} />
      </Suspense>
    </Stack>
  );
}

export function SharedOfferPage() {
  const t = useT();
  const { token = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SharedOfferDocument, variables: { token } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // Another device or screen changed the showcase: the "in showcase" marks and notices follow.
  useShowcaseEvents(reload);

  const offer = data?.shareLink;
  const items = useMemo(() => offer?.items ?? [], [offer]);
  const addable = useMemo(() => addableItems(items), [items]);

  // Everything still addable starts selected; the creator unticks what it does not want. The terms are checked on
  // submit; the server's answers about products stay in itemErrors.
  const form = useForm<{ deselected: string[]; choices: Record<string, OfferChoice | undefined>; accepted: boolean }>({
    mode: 'controlled',
    initialValues: { deselected: [], choices: {}, accepted: false },
    validate: { accepted: (value) => (value ? null : t('offers.acceptTerms')) },
  });
  const { deselected, choices } = form.values;
  const selected = useMemo(() => new Set(addable.filter((i) => !deselected.includes(i.id)).map((i) => i.id)), [addable, deselected]);
  const [showTerms, setShowTerms] = useState(false);
  const [tried, setTried] = useState(false);
  const [itemErrors, setItemErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ count: number; replaced: number } | null>(null);
  const [{ fetching: adding }, add] = useMutation(ShowcaseAddDocument);
  const panelRef = useStickyClearance<HTMLDivElement>();

  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('offers.opening'), loadingMinHeight: 300 });
  if (pending) return pending;
  if (!offer) return <InvalidLink />;

  const tz = marketTimeZone(offer.market);
  const plan = planShowcaseAdd(items, selected, choices);
  const missing = new Set(tried ? plan.missingChoice : []);
  const allSelected = addable.length > 0 && selected.size === addable.length;

  const toggle = (item: OfferItem) => {
    setAdded(null);
    setItemErrors(new Map());
    const selecting = !selected.has(item.id);
    // Ticking a product whose current offer the creator chose to keep means switching to this one.
    if (selecting && item.product && choices[item.product.id] === 'EXISTING') form.setFieldValue('choices', { ...choices, [item.product.id]: 'NEW' });
    setDeselected(item.id, !selecting);
    if (selecting && item.lowerRateNotice) revealChoice(item.id);
  };
  // Keeping the current offer means not adding this one; switching to it means adding it.
  const choose = (item: OfferItem, choice: OfferChoice) => {
    setAdded(null);
    if (item.product) form.setFieldValue('choices', { ...choices, [item.product.id]: choice });
    setItemErrors((m) => {
      const next = new Map(m);
      next.delete(item.id);
      return next;
    });
    setDeselected(item.id, choice === 'EXISTING');
  };
  const setDeselected = (id: string, off: boolean) => form.setFieldValue('deselected', off ? [...deselected.filter((d) => d !== id), id] : deselected.filter((d) => d !== id));
  const toggleAll = () => form.setFieldValue('deselected', allSelected ? addable.map((i) => i.id) : []);

  const submit = async () => {
    setTried(true);
    setFormError(null);
    setAdded(null);
    const { hasErrors: termsMissing } = form.validate();
    if (plan.missingChoice.length > 0) {
      const n = plan.missingChoice.length;
      setFormError(t('offers.chooseFor', { count: n, shown: formatCount(n) }));
      const first = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(plan.missingChoice[0]!)}"]`);
      first?.querySelector<HTMLElement>('[data-testid="lower-rate-notice"]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      first?.querySelector<HTMLElement>('input[type="radio"]')?.focus({ preventScroll: true });
    }
    if (termsMissing || plan.itemIds.length === 0 || plan.missingChoice.length > 0) return;
    const result = await add({ input: { token, acceptTerms: true, itemIds: plan.itemIds, choices: plan.choices } });
    if (result.error) return setFormError(describeError(result.error));
    const payload = result.data?.showcaseAdd;
    if (!payload) return setFormError(t('offers.noAnswer'));
    if (payload.userErrors.length) {
      const byItem = new Map<string, string>();
      const other: string[] = [];
      for (const e of payload.userErrors) {
        const field = e.field ?? [];
        const itemIndex = field[1] === 'itemIds' ? Number.parseInt(field[2] ?? '', 10) : Number.NaN;
        const itemId = e.productId ? items.find((i) => i.product?.id === e.productId)?.id : Number.isInteger(itemIndex) ? plan.itemIds[itemIndex] : undefined;
        if (e.code === 'LINK_NOT_VALID') {
          reload();
          return;
        }
        if (e.code === 'TERMS_NOT_ACCEPTED') form.setFieldError('accepted', e.message);
        else if (itemId) byItem.set(itemId, e.code === 'CHOICE_REQUIRED' ? t('offers.chooseWhich') : e.message);
        else other.push(e.message);
      }
      setItemErrors(byItem);
      setFormError(other.join(' ') || (byItem.size ? t('offers.nothingAdded') : null));
      return;
    }
    setItemErrors(new Map());
    setAdded({ count: payload.entries.length, replaced: payload.replaced.length });
    setTried(false);
    reload();
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <Stack gap="md" pb={8}>
      <OfferHeader offer={offer} itemCount={items.length} timeZone={tz} />

      {added && (
        <Alert color="teal" variant="light" radius="lg" icon={<IconCircleCheck aria-hidden />} title={t('offers.added.title')} role="status" data-testid="offer-added">
          <Stack gap="xs">
            <Text size="sm">
              {added.count === 0
                ? t('offers.added.nothing')
                : added.replaced
                  ? t('offers.added.replacing', { count: added.count, shown: formatCount(added.count), replaced: added.replaced, replacedShown: formatCount(added.replaced) })
                  : t('offers.added.now', { count: added.count, shown: formatCount(added.count) })}
            </Text>
            <Button component={Link} to="/creator/showcase" size="md" variant="filled" color="teal">
              {t('offers.added.goShowcase')}
            </Button>
          </Stack>
        </Alert>
      )}

      {items.length === 0 && (
        <EmptyBlock title={t('offers.empty')} description={t('offers.emptyBody')} icon={<IconSparkles aria-hidden />} />
      )}

      {addable.length > 0 ? (
        <Group justify="space-between" px={4}>
          <Checkbox
            size="md"
            label={allSelected ? t('offers.allSelected', { shown: formatCount(addable.length) }) : t('offers.selectAll', { shown: formatCount(addable.length) })}
            checked={allSelected}
            indeterminate={selected.size > 0 && !allSelected}
            onChange={toggleAll}
          />
          <Text size="sm" c="dimmed">
            {t('offers.chosen', { shown: formatCount(selected.size) })}
          </Text>
        </Group>
      ) : (
        items.length > 0 && (
          <Alert color="teal" variant="light" radius="lg" icon={<IconSparkles aria-hidden />}>
            {t('offers.allInShowcase')}{' '}
            <Anchor component={Link} to="/creator/showcase" inherit fw={600}>
              {t('offers.seeShowcase')}
            </Anchor>
          </Alert>
        )
      )}

      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('offers.productsInOffer')}>
        {items.map((item) => (
          <li key={item.id} data-item-id={item.id} style={{ scrollMarginTop: 72 }}>
            <OfferItemCard
              item={item}
              timeZone={tz}
              selected={selected.has(item.id)}
              onToggle={() => toggle(item)}
              choice={item.product ? choices[item.product.id] : undefined}
              onChoice={(choice) => choose(item, choice)}
              error={itemErrors.get(item.id) ?? (missing.has(item.id) ? t('offers.chooseWhich') : null)}
            />
          </li>
        ))}
      </Stack>

      {addable.length > 0 && (
        <Box
          ref={panelRef}
          p="md"
          style={{
            position: 'sticky',
            bottom: 'calc(var(--app-shell-footer-offset, 0px) + 8px)',
            background: 'var(--mantine-color-body)',
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-lg)',
            boxShadow: 'var(--mantine-shadow-md)',
            zIndex: 2,
          }}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            noValidate
          >
            <Stack gap="sm">
              {formError && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" p="xs">
                  {formError}
                </Alert>
              )}
              <Checkbox
                size="md"
                {...form.getInputProps('accepted', { type: 'checkbox' })}
                label={
                  <>
                    {t('offers.iAccept')}{' '}
                    <Anchor component="button" type="button" size="sm" onClick={() => setShowTerms((v) => !v)} aria-expanded={showTerms} aria-controls="offer-terms">
                      {showTerms ? t('offers.hideTerms') : t('offers.readTerms')}
                    </Anchor>
                  </>
                }
                aria-invalid={form.errors.accepted ? true : undefined}
              />
              <Collapse expanded={showTerms}>
                <List size="sm" spacing={4} id="offer-terms" c="dimmed">
                  {OFFER_TERMS.map((key) => (
                    <List.Item key={key}>{t(key)}</List.Item>
                  ))}
                </List>
              </Collapse>
              <Button type="submit" size="lg" fullWidth loading={adding} disabled={selected.size === 0} color="pink">
                {selected.size === 0
                  ? t('offers.chooseToAdd')
                  : allSelected && selected.size > 1
                    ? t('offers.addAll', { shown: formatCount(selected.size) })
                    : t('offers.add', { count: selected.size, shown: formatCount(selected.size) })}
              </Button>
            </Stack>
          </form>
        </Box>
      )}
    </Stack>
  );
}
