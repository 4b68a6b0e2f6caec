/** The publish toggle, with a confirmation that says what each direction does. */
import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CampaignPublishDocument, type CampaignStatus } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';

export interface PublishToggleProps {
  campaignId: string;
  published: boolean;
  status: CampaignStatus;
  /** Never published before: publishing starts the 30-minute rule for edits. */
  firstPublish: boolean;
  marketName: string;
}

export function PublishToggle({ campaignId, published, status, firstPublish, marketName }: PublishToggleProps) {
  const [asking, setAsking] = useState<null | boolean>(null);
  const [{ fetching }, publish] = useMutation(CampaignPublishDocument);
  const closed = status === 'CLOSED';

  const apply = async (next: boolean) => {
    const result = await publish({ input: { id: campaignId, published: next } });
    setAsking(null);
    const problem = result.error ? describeError(result.error) : result.data?.campaignPublish.userErrors[0]?.message;
    if (problem) {
      notifications.show({ color: 'red', title: next ? 'Could not publish' : 'Could not unpublish', message: problem });
      return;
    }
    notifications.show({
      color: 'teal',
      title: next ? 'Campaign published' : 'Campaign unpublished',
      message: next ? `Sellers in ${marketName} can now find it.` : 'Sellers can no longer find it or register products.',
    });
  };

  return (
    <>
      <Switch
        size="md"
        label={published ? 'Published' : 'Not published'}
        description={closed ? 'Closed campaigns stay as they are' : published ? 'Visible to sellers' : 'Only you can see it'}
        checked={published}
        disabled={closed || fetching}
        onChange={(e) => setAsking(e.currentTarget.checked)}
        data-testid="publish-toggle"
      />
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? 'Publish this campaign?' : 'Unpublish this campaign?'}
        centered
      >
        <Stack>
          {asking ? (
            <Text size="sm">
              Sellers in {marketName} who match the targeting can find it and register products once it starts.
              {firstPublish && ' From now on, each edit applies 30 minutes after you save it.'}
            </Text>
          ) : (
            <Text size="sm">
              It disappears from the marketplace and no new products can be registered. Registrations you already have, and
              their collaborations, stay as they are.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              Cancel
            </Button>
            <Button color={asking ? undefined : 'orange'} loading={fetching} onClick={() => void apply(asking ?? false)}>
              {asking ? 'Publish' : 'Unpublish'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
