/** The publish toggle, with a confirmation that says what each direction does. */
import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CampaignPublishDocument, type CampaignStatus } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { mutationProblem } from '../../../components/mutationResult';

export interface PublishToggleProps {
  campaignId: string;
  published: boolean;
  status: CampaignStatus;
  /** Never published before: publishing starts the 30-minute rule for edits. */
  firstPublish: boolean;
  marketName: string;
}

export function PublishToggle({ campaignId, published, status, firstPublish, marketName }: PublishToggleProps) {
  const t = useT();
  const [asking, setAsking] = useState<null | boolean>(null);
  const [{ fetching }, publish] = useMutation(CampaignPublishDocument);
  const closed = status === 'CLOSED';

  const apply = async (next: boolean) => {
    const result = await publish({ input: { id: campaignId, published: next } });
    setAsking(null);
    const problem = mutationProblem(result, result.data?.campaignPublish.userErrors);
    if (problem) {
      notifications.show({ color: 'red', title: next ? t('campaigns.publish.failed') : t('campaigns.publish.unpublishFailed'), message: problem });
      return;
    }
    notifications.show({
      color: 'teal',
      title: next ? t('campaigns.publish.published') : t('campaigns.publish.unpublished'),
      message: next ? t('campaigns.publish.publishedMessage', { market: marketName }) : t('campaigns.publish.unpublishedMessage'),
    });
  };

  return (
    <>
      <Switch
        size="md"
        label={published ? t('campaigns.publish.on') : t('campaigns.publish.off')}
        description={closed ? t('campaigns.publish.closedHint') : published ? t('campaigns.publish.onHint') : t('campaigns.publish.offHint')}
        checked={published}
        disabled={closed || fetching}
        onChange={(e) => setAsking(e.currentTarget.checked)}
        data-testid="publish-toggle"
      />
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t('campaigns.publish.confirmTitle') : t('campaigns.publish.unpublishTitle')}
        centered
      >
        <Stack>
          {asking ? (
            <Text size="sm">
              {t('campaigns.publish.confirmBody', { market: marketName })}
              {firstPublish && ` ${t('campaigns.publish.firstPublishNote')}`}
            </Text>
          ) : (
            <Text size="sm">
              {t('campaigns.publish.unpublishBody')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={asking ? undefined : 'orange'} loading={fetching} onClick={() => void apply(asking ?? false)}>
              {asking ? t('campaigns.publish.publish') : t('campaigns.publish.unpublish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
