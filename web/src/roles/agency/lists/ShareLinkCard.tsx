/** A list's share link: create it, copy the URL, replace it with a new one, or revoke it. */
import { Badge, Button, Card, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconEye, IconLink, IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ShareLinkCreateDocument, ShareLinkRevokeDocument, type ProductListQuery } from '../../../generated/graphql';
import { mutationProblem } from '../../../components/mutationResult';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useT } from '../../../i18n/context';
import { listPath } from './paths';

type List = NonNullable<ProductListQuery['productList']>;

export function ShareLinkCard({ list, timeZone, onChanged }: { list: List; timeZone: string; onChanged: () => void }) {
  const t = useT();
  const link = list.shareLink;
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [{ fetching: creating }, createLink] = useMutation(ShareLinkCreateDocument);
  const [{ fetching: revoking }, revokeLink] = useMutation(ShareLinkRevokeDocument);
  const closedCampaign = list.campaign?.status === 'CLOSED';

  const create = async () => {
    const result = await createLink({ input: { listId: list.id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.shareLinkCreate;
    const problem = mutationProblem(result, payload?.userErrors);
    setConfirm(null);
    if (problem || !payload?.shareLink) {
      notifications.show({ color: 'red', title: t('agency.lists.share.notCreated'), message: problem || t('agency.lists.noAnswer') });
      return;
    }
    notifications.show({ color: 'teal', title: link ? t('agency.lists.share.replaced') : t('agency.lists.share.created'), message: link ? t('agency.lists.share.replacedBody') : t('agency.lists.share.createdBody') });
    onChanged();
  };

  const revoke = async () => {
    if (!link) return;
    const result = await revokeLink({ input: { id: link.id } }, { additionalTypenames: ['ProductList'] });
    const payload = result.data?.shareLinkRevoke;
    const problem = mutationProblem(result, payload?.userErrors);
    setConfirm(null);
    if (problem) {
      notifications.show({ color: 'red', title: t('agency.lists.share.notRevoked'), message: problem });
      return;
    }
    notifications.show({ color: 'teal', title: t('agency.lists.share.revoked'), message: t('agency.lists.share.revokedBody') });
    onChanged();
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="share-link-title" data-testid="share-link-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Group gap="xs">
            <Text component="h2" fw={700} size="lg" id="share-link-title" m={0}>
              {t('agency.lists.col.shareLink')}
            </Text>
            {link ? (
              <Badge color="teal" variant="light" radius="sm" tt="none">
                {t('agency.lists.share.active')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" tt="none">
                {t('agency.lists.notShared')}
              </Badge>
            )}
          </Group>
          {link ? (
            <>
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label={t('agency.lists.share.linkLabel')}
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
                      {copied ? t('agency.lists.share.copied') : t('agency.lists.share.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                {t('agency.lists.share.opened', { count: link.opens ?? 0, shown: formatCount(link.opens ?? 0), created: formatDateTime(link.createdAt, timeZone) })}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {list.itemCount === 0
                ? t('agency.lists.share.addFirst')
                : t('agency.lists.share.createHelp')}
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
                {t('agency.lists.share.preview')}
              </Button>
              <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirm('rotate')} disabled={closedCampaign}>
                {t('agency.lists.share.newLinkMenu')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconLinkOff size={16} aria-hidden />} onClick={() => setConfirm('revoke')}>
                {t('agency.lists.share.revokeMenu')}
              </Button>
            </>
          ) : (
            <Tooltip label={closedCampaign ? t('agency.lists.campaignEnded') : t('agency.lists.share.needProduct')} disabled={list.itemCount > 0 && !closedCampaign} withArrow>
              <Button leftSection={<IconLink size={16} aria-hidden />} onClick={() => void create()} loading={creating} disabled={list.itemCount === 0 || closedCampaign}>
                {t('agency.lists.share.create')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      <ConfirmDialog
        opened={confirm === 'rotate'}
        title={t('agency.lists.share.rotateTitle')}
        confirmLabel={t('agency.lists.share.rotateConfirm')}
        color="indigo"
        busy={creating}
        onConfirm={() => void create()}
        onClose={() => setConfirm(null)}
      >
        {t('agency.lists.share.rotateBody')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title={t('agency.lists.share.revokeTitle')}
        confirmLabel={t('agency.lists.share.revokeConfirm')}
        busy={revoking}
        onConfirm={() => void revoke()}
        onClose={() => setConfirm(null)}
      >
        {t('agency.lists.share.revokeBody')}
      </ConfirmDialog>
    </Card>
  );
}
