/**
 * The shop's integrations: the keys its shop platform pushes orders with (create — the secrets shown once —,
 * list, revoke) and how to sign a request, linking the endpoint's full reference.
 */
import { Anchor, Badge, Button, Card, Code, CopyButton, Group, LoadingOverlay, ScrollArea, SegmentedControl, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconKey, IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/QueryState';
import { IntegrationKeyRevokeDocument, IntegrationKeysDocument, type IntegrationKeysQuery } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { useViewer } from '../../../session/context';
import { CreateKeyDialog } from './CreateKeyDialog';
import { DOCS_HREF, signingSnippet, SNIPPET_LABEL, type SnippetLanguage } from './integrationKeys';

const ACTIVE_LIMIT = 20;
type Key = IntegrationKeysQuery['integrationKeys']['edges'][number]['node'];

export function IntegrationsPage() {
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
    const problem = result.error ? describeError(result.error) : payload?.userErrors.map((e) => e.message).join(' ');
    const name = revoking.name;
    setRevoking(null);
    if (problem) {
      notifications.show({ color: 'red', title: 'Not revoked', message: problem });
    } else {
      notifications.show({ color: 'teal', title: 'Key revoked', message: `Requests signed with “${name}” are refused from now on.` });
    }
    reload();
  };

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Keys your shop platform pushes orders to Matchup with. A key pushes this shop’s orders only."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={active >= ACTIVE_LIMIT}>
            New key
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="keys-title">
          <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
            <Group gap="xs" align="baseline">
              <Title order={2} size="h4" id="keys-title">
                Integration keys
              </Title>
              <Text size="xs" c="dimmed" data-testid="key-limit">
                {active} / {ACTIVE_LIMIT} active
              </Text>
            </Group>
            <Switch label="Show revoked keys" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.currentTarget.checked)} />
          </Group>
          <div style={{ position: 'relative' }}>
            {error && !data ? (
              <ErrorState error={error} onRetry={reload} />
            ) : !data && fetching ? (
              <LoadingState label="Loading keys…" />
            ) : keys.length === 0 ? (
              <EmptyBlock
                title="No keys yet"
                description="Create a key, give it to your shop platform, and its orders start arriving here with their commission."
                icon={<IconKey aria-hidden />}
              >
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                  New key
                </Button>
              </EmptyBlock>
            ) : (
              <>
                <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" data-testid="integration-keys">
                    <VisuallyHidden component="caption">Integration keys, newest first</VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Name</Table.Th>
                        <Table.Th scope="col">Key id</Table.Th>
                        <Table.Th scope="col">Created</Table.Th>
                        <Table.Th scope="col">Last used</Table.Th>
                        <Table.Th scope="col">
                          <VisuallyHidden>Status and actions</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
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
                              {key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            {key.revokedAt ? (
                              <Badge color="gray" variant="light" radius="sm" tt="none">
                                Revoked {formatDateTime(key.revokedAt, tz, { withZone: false })}
                              </Badge>
                            ) : (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                leftSection={<IconKeyOff size={14} aria-hidden />}
                                onClick={() => setRevoking(key)}
                                aria-label={`Revoke ${key.name}`}
                              >
                                Revoke…
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </div>
        </Card>
        <SigningGuide />
      </Stack>

      <CreateKeyDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        busy={revokeBusy}
        onConfirm={() => void revoke()}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">
          Requests signed with <Code>{revoking?.keyId}</Code> are refused from now on: whatever uses it stops pushing orders until you give it a new key.
          This cannot be undone.
        </Text>
      </ConfirmDialog>
    </>
  );
}

function SigningGuide() {
  const [language, setLanguage] = useState<SnippetLanguage>('node');
  const origin = window.location.origin;
  const snippet = signingSnippet(language, origin);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="signing-title" data-testid="signing-guide">
      <Stack gap="sm">
        <Title order={2} size="h4" id="signing-title">
          How to sign a request
        </Title>
        <Text size="sm">
          POST each order event as JSON to <Code style={{ wordBreak: 'break-all' }}>{origin}/integrations/orders</Code> with three headers: <Code>X-Matchup-Key</Code> (the API key),{' '}
          <Code>X-Matchup-Timestamp</Code> (Unix seconds, within 5 minutes of our clock) and <Code>X-Matchup-Signature</Code>:{' '}
          <Code>v1=</Code> followed by the hex HMAC-SHA256 of <Code>{'"<timestamp>.<raw body>"'}</Code> under the signing secret.
        </Text>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Language"
            value={language}
            onChange={(v) => setLanguage(v as SnippetLanguage)}
            data={(Object.keys(SNIPPET_LABEL) as SnippetLanguage[]).map((value) => ({ value, label: SNIPPET_LABEL[value] }))}
          />
          <CopyButton value={snippet} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy} aria-live="polite">
                {copied ? 'Copied' : 'Copy snippet'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <ScrollArea type="auto" offsetScrollbars>
          <Code block fz="xs" data-testid="signing-snippet" style={{ whiteSpace: 'pre' }} tabIndex={0} aria-label="Signing example">
            {snippet}
          </Code>
        </ScrollArea>
        <Anchor href={DOCS_HREF} target="_blank" rel="noopener" size="sm" inline>
          <Group gap={4} component="span" wrap="nowrap">
            Full reference: events, responses and error codes
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}
