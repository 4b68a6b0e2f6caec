/** A list's share link: create it, copy the URL, replace it with a new one, or revoke it. */
import { Badge, Button, Card, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconEye, IconLink, IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ShareLinkCreateDocument, ShareLinkRevokeDocument, type ProductListQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatCount, formatDateTime } from '../../../lib/format';
import { listPath } from './paths';

type List = NonNullable<ProductListQuery['productList']>;

export function ShareLinkCard({ list, timeZone, onChanged }: { list: List; timeZone: string; onChanged: () => void }) {
  const link = list.shareLink;
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [{ fetching: creating }, createLink] = useMutation(ShareLinkCreateDocument);
  const [{ fetching: revoking }, revokeLink] = useMutation(ShareLinkRevokeDocument);
  const closedCampaign = list.campaign?.status === 'CLOSED';

  const create = async () => {
    const result = await createLink({ input: { listId: list.id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.shareLinkCreate;
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    setConfirm(null);
    if (problem || !payload?.shareLink) {
      notifications.show({ color: 'red', title: 'No link created', message: problem || 'No answer from the server.' });
      return;
    }
    notifications.show({ color: 'teal', title: link ? 'New link created' : 'Share link created', message: link ? 'The previous link no longer opens.' : 'Copy it and send it to creators.' });
    onChanged();
  };

  const revoke = async () => {
    if (!link) return;
    const result = await revokeLink({ input: { id: link.id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.shareLinkRevoke;
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    setConfirm(null);
    if (problem) {
      notifications.show({ color: 'red', title: 'Not revoked', message: problem });
      return;
    }
    notifications.show({ color: 'teal', title: 'Link revoked', message: 'It opens nothing any more.' });
    onChanged();
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="share-link-title" data-testid="share-link-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Group gap="xs">
            <Text component="h2" fw={700} size="lg" id="share-link-title" m={0}>
              Share link
            </Text>
            {link ? (
              <Badge color="teal" variant="light" radius="sm" tt="none">
                Active
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" tt="none">
                Not shared
              </Badge>
            )}
          </Group>
          {link ? (
            <>
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label="Link for creators"
                  value={link.url}
                  readOnly
                  onFocus={(e) => e.currentTarget.select()}
                  style={{ flex: 1, minWidth: 0 }}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  data-testid="share-link-url"
                />
                <CopyButton value={link.url} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button
                      color={copied ? 'teal' : 'indigo'}
                      leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      onClick={copy}
                      aria-live="polite"
                    >
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                Opened by {formatCount(link.opens ?? 0)} {link.opens === 1 ? 'creator' : 'creators'} · created{' '}
                {formatDateTime(link.createdAt, timeZone)}. Creators see only their rate, never the seller&apos;s total or your share.
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {list.itemCount === 0
                ? 'Add products first; then create a link and send it to creators.'
                : 'Create a link and send it to creators. They see only their rate, never the seller’s total or your share.'}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {link ? (
            <>
              <Button
                component={Link}
                to={`${listPath(list.id)}/preview?token=${encodeURIComponent(link.token)}`}
                variant="light"
                leftSection={<IconEye size={16} aria-hidden />}
                disabled={closedCampaign}
              >
                Preview as creator
              </Button>
              <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirm('rotate')} disabled={closedCampaign}>
                New link…
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconLinkOff size={16} aria-hidden />} onClick={() => setConfirm('revoke')}>
                Revoke…
              </Button>
            </>
          ) : (
            <Tooltip label={closedCampaign ? 'The campaign has ended' : 'Add at least one product first'} disabled={list.itemCount > 0 && !closedCampaign} withArrow>
              <Button leftSection={<IconLink size={16} aria-hidden />} onClick={() => void create()} loading={creating} disabled={list.itemCount === 0 || closedCampaign}>
                Create share link
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      <ConfirmDialog
        opened={confirm === 'rotate'}
        title="Replace the share link?"
        confirmLabel="Create new link"
        color="indigo"
        busy={creating}
        onConfirm={() => void create()}
        onClose={() => setConfirm(null)}
      >
        The current link stops working at once and a new one is created. Creators who already added products keep them.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title="Revoke the share link?"
        confirmLabel="Revoke link"
        busy={revoking}
        onConfirm={() => void revoke()}
        onClose={() => setConfirm(null)}
      >
        The link stops working at once: creators who open it are told it is not valid. Creators who already added products keep them.
      </ConfirmDialog>
    </Card>
  );
}
