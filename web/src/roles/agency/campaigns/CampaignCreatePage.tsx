/** New campaign: the form, then the campaign's page (unpublished, READY) on success. */
import { Anchor, Breadcrumbs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EMPTY_CAMPAIGN_FORM } from './campaignFormRules';
import { toCreateInput } from './campaignInput';
import { CampaignCreateDocument } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { describeError } from '../../../lib/errors';
import { marketTimeZone } from '../../../lib/markets';
import { CampaignForm } from './CampaignForm';
import { useAgencyMarkets } from './useAgencyMarkets';

export function CampaignCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const markets = useAgencyMarkets();
  const [, create] = useMutation(CampaignCreateDocument);
  const initial = { ...EMPTY_CAMPAIGN_FORM, market: markets.length === 1 ? markets[0]! : EMPTY_CAMPAIGN_FORM.market };

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('campaigns.breadcrumb')}>
        <Anchor component={Link} to=".." relative="path" size="sm">
          {t('campaigns.list.title')}
        </Anchor>
        <span>{t('campaigns.form.newCrumb')}</span>
      </Breadcrumbs>
      <PageHeader title={t('campaigns.form.newTitle')} description={t('campaigns.form.newDescription')} />
      <CampaignForm
        key={initial.market}
        mode="create"
        initialValues={initial}
        markets={markets}
        submitLabel={t('campaigns.form.create')}
        onCancel={() => navigate('..', { relative: 'path' })}
        onSubmit={async (values) => {
          const result = await create({ input: toCreateInput(values, marketTimeZone(values.market || null)) });
          if (result.error) {
            return [{ field: null, message: describeError(result.error), code: 'NETWORK' }];
          }
          const payload = result.data?.campaignCreate;
          if (payload?.campaign) {
            notifications.show({ color: 'teal', title: t('campaigns.form.created'), message: t('campaigns.form.createdMessage', { name: payload.campaign.name }) });
            navigate(`../${payload.campaign.id}`, { relative: 'path' });
          }
          return payload?.userErrors ?? [];
        }}
      />
    </>
  );
}
