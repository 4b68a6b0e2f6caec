/**
 * The shop's integrations: the keys its shop platform pushes orders with (create — the secrets shown once —,
 * list, revoke) and how to sign a request, linking the endpoint's full reference.
 */
import { Anchor, Badge, Button, Card, Code, CopyButton, Group, ScrollArea, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconKey, IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable } from '../../../components/DataTable';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyBlock } from '../../../components/QueryState';
import { RefreshOverlay } from '../../../components/RefreshOverlay';
import { QueryBoundary } from '../../../components/QueryBoundary';
import { IntegrationKeyRevokeDocument, IntegrationKeysDocument, type IntegrationKeysQuery } from '../../../generated/graphql';
import { mutationProblem } from '../../../components/mutationResult';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { CreateKeyDialog } from './CreateKeyDialog';
import { DOCS_HREF, signingSnippet, SNIPPET_LABEL, type SnippetLanguage } from './integrationKeys';
import { useT } from '../../../i18n/context';
import { richT } from '../../../i18n/rich';

const ACTIVE_LIMIT = 20;
/** Protocol names in the signing guide: the same in every language. */
const WIRE = { path: '/integrations/orders', key: 'X-Matchup-Key', timestamp: 'X-Matchup-Timestamp', signature: 'X-Matchup-Signature', prefix: 'v1=', payload: '"<timestamp>.<raw body>"' };
type Key = IntegrationKeysQuery['integrationKeys']['edges'][number]['node'];

export function IntegrationsPage() {
  const t = useT();
  const viewer = useViewer();
  const tz = marketTimeZone(viewer.organisation.market);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: IntegrationKeysDocument, variables: { includeRevoked } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [{ fetching: revokeBusy }, revokeKey] = useMutation(IntegrationKeyRevokeDocument);
  const keys = data?.integrationKeys.edges.map((e) => e.node) ?? [];
  const active = data?.active.totalCount ?? 0;

  const revoke = async () => {
    if (!revoking) return;
    const result = await revokeKey({ input: { id: revoking.id } }, { additionalTypenames: ['IntegrationKey'] });
    const payload = result.data?.integrationKeyRevoke;
    const problem = mutationProblem(result, payload?.userErrors);
    const name = revoking.name;
    setRevoking(null);
    if (problem) {
      notifications.show({ color: 'red', title: t('seller.keys.notRevoked'), message: problem });
    } else {
      notifications.show({ color: 'teal', title: t('seller.keys.revoked'), message: t('seller.keys.revokedBody', { name }) });
    }
    reload();
  };

  return (
    <>
      <PageHeader
        title={t('seller.keys.pageTitle')}
        description={t('seller.keys.pageDescription')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={active >= ACTIVE_LIMIT}>
            {t('seller.keys.new')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="keys-title">
          <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
            <Group gap="xs" align="baseline">
              <Title order={2} size="h4" id="keys-title">
                {t('seller.keys.listTitle')}
              </Title>
              <Text size="xs" c="dimmed" data-testid="key-limit">
                {t('seller.keys.activeCount', { active, limit: ACTIVE_LIMIT })}
              </Text>
            </Group>
            <Switch label={t('seller.keys.showRevoked')} checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.currentTarget.checked)} />
          </Group>
          <div style={{ position: 'relative' }}>
            <QueryBoundary
              data={data}
              fetching={fetching}
              error={error}
              onRetry={reload}
              loadingLabel={t('seller.keys.loading')}
              empty={
                keys.length === 0 && (
                  <EmptyBlock
                    title={t('seller.keys.none')}
                    description={t('seller.keys.noneBody')}
                    icon={<IconKey aria-hidden />}
                  >
                    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                      {t('seller.keys.new')}
                    </Button>
                  </EmptyBlock>
                )
              }
            >
              <>
                <RefreshOverlay visible={fetching} />
                <DataTable
                  caption={t('seller.keys.caption')}
                  minWidth={720}
                  verticalSpacing="sm"
                  data-testid="integration-keys"
                  columns={[
                    { label: t('seller.keys.colName') },
                    { label: t('seller.keys.colKeyId') },
                    { label: t('seller.keys.colCreated') },
                    { label: t('seller.keys.colLastUsed') },
                    { label: t('seller.keys.colActions'), hideLabel: true },
                  ]}
                >
                  {keys.map((key) => (
                    <Table.Tr key={key.id} data-testid="integration-key-row" data-revoked={key.revokedAt ? true : undefined} c={key.revokedAt ? 'dimmed' : undefined}>
                      <Table.Td>
                        <Text size="sm" fw={600} lineClamp={1}>
                          {key.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code fz="sm" data-testid="key-id">
                          {key.keyId}
                        </Code>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(key.createdAt, tz)}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" title={key.lastUsedAt ? formatDateTime(key.lastUsedAt, tz) : undefined}>
                          {key.lastUsedAt ? formatRelative(key.lastUsedAt) : t('seller.keys.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {key.revokedAt ? (
                          <Badge color="gray" variant="light" radius="sm" tt="none">
                            {t('seller.keys.revokedAt', { date: formatDateTime(key.revokedAt, tz, { withZone: false }) })}
                          </Badge>
                        ) : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconKeyOff size={14} aria-hidden />}
                            onClick={() => setRevoking(key)}
                            aria-label={t('seller.keys.revokeName', { name: key.name })}
                          >
                            {t('seller.keys.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </>
            </QueryBoundary>
          </div>
        </Card>
        <SigningGuide />
      </Stack>

      <CreateKeyDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('seller.keys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('seller.keys.revokeConfirm')}
        busy={revokeBusy}
        onConfirm={() => void revoke()}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">{richT(t, 'seller.keys.revokeBody', {}, { keyId: <Code>{revoking?.keyId}</Code> })}</Text>
      </ConfirmDialog>
    </>
  );
}

function SigningGuide() {
  const t = useT();
  const [language, setLanguage] = useState<SnippetLanguage>('node');
  const origin = window.location.origin;
  const snippet = signingSnippet(language, origin);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="signing-title" data-testid="signing-guide">
      <Stack gap="sm">
        <Title order={2} size="h4" id="signing-title">
          {t('seller.keys.howToSign')}
        </Title>
        <Text size="sm">
          {richT(t, 'seller.keys.signBody', {}, {
            url: <Code style={{ wordBreak: 'break-all' }}>{origin}{WIRE.path}</Code>,
            keyHeader: <Code>{WIRE.key}</Code>,
            timestampHeader: <Code>{WIRE.timestamp}</Code>,
            signatureHeader: <Code>{WIRE.signature}</Code>,
            prefix: <Code>{WIRE.prefix}</Code>,
            payload: <Code>{WIRE.payload}</Code>,
          })}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('seller.keys.snippetLanguage')}
            value={language}
            onChange={(v) => setLanguage(v as SnippetLanguage)}
            data={(Object.keys(SNIPPET_LABEL) as SnippetLanguage[]).map((value) => ({ value, label: SNIPPET_LABEL[value] }))}
          />
          <CopyButton value={snippet} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy} aria-live="polite">
                {copied ? t('seller.keys.copied') : t('seller.keys.copySnippet')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <ScrollArea type="auto" offsetScrollbars>
          <Code block fz="xs" data-testid="signing-snippet" style={{ whiteSpace: 'pre' }} tabIndex={0} aria-label={t('seller.keys.signingExample')}>
            {snippet}
          </Code>
        </ScrollArea>
        <Anchor href={DOCS_HREF} target="_blank" rel="noopener" size="sm" inline>
          <Group gap={4} component="span" wrap="nowrap">
            {t('seller.keys.fullReference')}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}
