/**
 * /agency/lists/:listId/preview — "Preview as creator": the list's share link rendered with the creator's own
 * components, exactly as a creator opening it sees it, with no creator action (nothing can be added) and no
 * creator's own state. The data comes from shareLinkPreview, which gives the agency nothing the creator view
 * hides.
 */
import { Alert, Anchor, Box, Breadcrumbs, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { ShareLinkPreviewDocument } from '../../../generated/graphql';
import { marketTimeZone } from '../../../lib/markets';
import { OfferHeader } from '../../creator/offer/OfferHeader';
import { OfferItemCard } from '../../creator/offer/OfferItemCard';
import { useT } from '../../../i18n/context';
import { listPath } from './paths';

export function SharePreviewPage() {
  const t = useT();
  const { listId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({ query: ShareLinkPreviewDocument, variables: { token }, pause: !token });
  const offer = data?.shareLinkPreview;

  const pending = queryFallback({ data, fetching, error }, { onRetry: () => refetch({ requestPolicy: 'network-only' }), loadingLabel: t('agency.lists.share.previewLoading') });
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('agency.lists.breadcrumb')}>
        <Anchor component={Link} to={listPath(listId)} size="sm">
          {t('agency.lists.share.list')}
        </Anchor>
        <Text size="sm">{t('agency.lists.share.preview')}</Text>
      </Breadcrumbs>
      <Alert color="indigo" variant="light" icon={<IconEye aria-hidden />} title={t('agency.lists.share.preview')} data-testid="preview-banner">
        {t('agency.lists.share.previewBody')}
      </Alert>
      {pending ? pending : !offer ? (
        <EmptyBlock
          title={t('agency.lists.share.previewNone')}
          description={t('agency.lists.share.previewNoneHelp')}
          icon={<IconEye aria-hidden />}
        />
      ) : (
        <Box maw={460} w="100%" mx="auto" p="sm" data-testid="creator-preview"
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 24, background: 'var(--mantine-color-gray-0)' }}>
          <Stack gap="md">
            <OfferHeader offer={offer} itemCount={offer.items.length} timeZone={marketTimeZone(offer.market)} />
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('agency.lists.share.previewProducts')}>
              {offer.items.map((item) => (
                <li key={item.id}>
                  <OfferItemCard item={item} timeZone={marketTimeZone(offer.market)} />
                </li>
              ))}
            </Stack>
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
