/**
 * Edit a campaign's effective values. Before the first publish edits apply at once; after it, the edit is
 * stored as a pending change applying 30 minutes later, and the form is locked until then.
 */
import { Anchor, Breadcrumbs, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyBlock } from '../../../components/QueryState';
import { queryFallback } from '../../../components/queryFallback';
import { campaignToFormValues, toUpdateInput } from './campaignInput';
import { AgencyCampaignDocument, CampaignUpdateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { CampaignForm } from './CampaignForm';
import { PendingChangeBanner } from './PendingChangeBanner';

export function CampaignEditPage() {
  const { campaignId = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyCampaignDocument, variables: { id: campaignId }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  const [, update] = useMutation(CampaignUpdateDocument);

  const campaign = data?.campaign;
  const pending = queryFallback({ data, fetching, error }, { onRetry: reload, loadingLabel: t('campaigns.detail.loading') });
  if (pending) return pending;
  if (!campaign) return <EmptyBlock title={t('campaigns.detail.notFound')} description={t('campaigns.detail.notFoundHint')} />;

  const tz = marketTimeZone(campaign.market);
  const initial = campaignToFormValues({ ...campaign, targetShopCodes: campaign.targetShopCodes ?? [] }, tz);
  const published = Boolean(campaign.firstPublishedAt);
  const closed = campaign.status === 'CLOSED';
  const back = () => navigate('..', { relative: 'path' });

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('campaigns.breadcrumb')}>
        <Anchor component={Link} to="../.." relative="path" size="sm">
          {t('campaigns.list.title')}
        </Anchor>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {campaign.name}
        </Anchor>
        <span>{t('campaigns.form.editCrumb')}</span>
      </Breadcrumbs>
      <PageHeader
        title={t('campaigns.form.editTitle', { name: campaign.name })}
        description={
          closed
            ? t('campaigns.form.endedNoEdit')
            : published
              ? t('campaigns.form.publishedEditDelay')
              : t('campaigns.form.unpublishedEditNow')
        }
        actions={
          closed ? (
            <Button variant="default" onClick={back}>
              {t('campaigns.form.backToCampaign')}
            </Button>
          ) : undefined
        }
      />
      {campaign.pendingChange && (
        <PendingChangeBanner
          campaignId={campaign.id}
          effective={{ ...campaign, targetShopCodes: campaign.targetShopCodes ?? [] }}
          change={campaign.pendingChange}
          timeZone={tz}
          onSettled={reload}
        />
      )}
      <CampaignForm
        key={`${campaign.id}-${campaign.updatedAt ?? ''}-${campaign.pendingChange?.appliesAt ?? ''}`}
        mode="edit"
        initialValues={initial}
        markets={[campaign.market]}
        startLocked={campaign.status === 'ONGOING'}
        disabled={closed || Boolean(campaign.pendingChange)}
        editAppliesLater={published}
        submitLabel={published ? t('campaigns.form.scheduleChange') : t('campaigns.form.saveChanges')}
        notice={
          campaign.pendingChange
            ? t('campaigns.form.editingReopensOrWithdraw', { time: formatDateTime(campaign.pendingChange.appliesAt, tz) })
            : published
              ? t('campaigns.form.afterSaveNotice')
              : undefined
        }
        onCancel={back}
        onSubmit={async (values) => {
          const input = toUpdateInput(campaign.id, values, initial, tz);
          if (!input) return [{ field: null, message: t('campaigns.form.nothingChanged'), code: 'NO_CHANGE' }];
          const result = await update({ input });
          if (result.error) return [{ field: null, message: describeError(result.error), code: 'NETWORK' }];
          const payload = result.data?.campaignUpdate;
          if (payload && payload.userErrors.length === 0) {
            notifications.show(
              payload.appliedNow || !payload.pendingChange
                ? { color: 'teal', title: t('campaigns.form.saved'), message: t('campaigns.form.savedMessage') }
                : {
                    color: 'orange',
                    title: t('campaigns.form.scheduled'),
                    message: t('campaigns.form.scheduledMessage', { time: formatDateTime(payload.pendingChange.appliesAt, tz) }),
                  },
            );
            back();
          }
          return payload?.userErrors ?? [];
        }}
      />
    </>
  );
}
