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
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { campaignToFormValues, toUpdateInput } from '../../../features/campaigns/campaignInput';
import { AgencyCampaignDocument, CampaignUpdateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useRefetchOnReconnect } from '../../../session/context';
import { CampaignForm } from './CampaignForm';
import { PendingChangeBanner } from './PendingChangeBanner';

export function CampaignEditPage() {
  const { campaignId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AgencyCampaignDocument, variables: { id: campaignId }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(reload);
  const [, update] = useMutation(CampaignUpdateDocument);

  const campaign = data?.campaign;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data && fetching) return <LoadingState label="Loading campaign…" />;
  if (!campaign) return <EmptyBlock title="Campaign not found" description="It does not exist or belongs to another agency." />;

  const tz = marketTimeZone(campaign.market);
  const initial = campaignToFormValues({ ...campaign, targetShopCodes: campaign.targetShopCodes ?? [] }, tz);
  const published = Boolean(campaign.firstPublishedAt);
  const closed = campaign.status === 'CLOSED';
  const back = () => navigate('..', { relative: 'path' });

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="../.." relative="path" size="sm">
          Campaigns
        </Anchor>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {campaign.name}
        </Anchor>
        <span>Edit</span>
      </Breadcrumbs>
      <PageHeader
        title={`Edit ${campaign.name}`}
        description={
          closed
            ? 'This campaign has ended; it can no longer be edited.'
            : published
              ? 'The campaign has been published: your changes apply 30 minutes after you save them.'
              : 'Not published yet: changes apply as soon as you save them.'
        }
        actions={
          closed ? (
            <Button variant="default" onClick={back}>
              Back to the campaign
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
        submitLabel={published ? 'Schedule change' : 'Save changes'}
        notice={
          campaign.pendingChange
            ? `Editing reopens at ${formatDateTime(campaign.pendingChange.appliesAt, tz)}, or withdraw the pending change.`
            : published
              ? 'After you save, the change applies in 30 minutes and no further edits are possible until then. You can withdraw it before it applies.'
              : undefined
        }
        onCancel={back}
        onSubmit={async (values) => {
          const input = toUpdateInput(campaign.id, values, initial, tz);
          if (!input) return [{ field: null, message: 'Nothing changed: edit a field first.', code: 'NO_CHANGE' }];
          const result = await update({ input });
          if (result.error) return [{ field: null, message: describeError(result.error), code: 'NETWORK' }];
          const payload = result.data?.campaignUpdate;
          if (payload && payload.userErrors.length === 0) {
            notifications.show(
              payload.appliedNow || !payload.pendingChange
                ? { color: 'teal', title: 'Campaign saved', message: 'The changes are in force.' }
                : {
                    color: 'orange',
                    title: 'Change scheduled',
                    message: `It applies at ${formatDateTime(payload.pendingChange.appliesAt, tz)}; editing reopens then.`,
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
