/**
 * A new integration key in two steps: name it, then copy the API key and the signing secret — shown this once.
 * The second step cannot be dismissed by a stray click or Escape, only by "Done" once the seller confirms it
 * stored both.
 */
import { Alert, Button, Checkbox, CopyButton, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { IntegrationKeyCreateDocument } from '../../../generated/graphql';
import { describeError } from '../../../lib/errors';
import { splitUserErrors } from '../../../lib/userErrors';
import { envFile, KEY_NAME_MAX, keyNameError } from './integrationKeys';
import { useT } from '../../../i18n/context';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

interface Issued {
  name: string;
  keyId: string;
  apiKey: string;
  signingSecret: string;
}

export function CreateKeyDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [stored, setStored] = useState(false);
  const [{ fetching }, create] = useMutation(IntegrationKeyCreateDocument);

  const close = () => {
    setName('');
    setNameError(null);
    setFormError(null);
    setIssued(null);
    setStored(false);
    onClose();
  };

  const submit = async () => {
    const local = keyNameError(name, t);
    setNameError(local);
    setFormError(null);
    if (local) return;
    const result = await create({ input: { name: name.trim() } }, { additionalTypenames: ['IntegrationKey'] });
    if (result.error) {
      setFormError(describeError(result.error));
      return;
    }
    const payload = result.data?.integrationKeyCreate;
    if (!payload?.integrationKey || !payload.apiKey || !payload.signingSecret) {
      const { fieldErrors, formErrors } = splitUserErrors(payload?.userErrors ?? [], ['name'] as const);
      setNameError(fieldErrors.name ?? null);
      setFormError(formErrors.join(' ') || (fieldErrors.name ? null : t('seller.keys.notCreated')));
      return;
    }
    setIssued({ name: payload.integrationKey.name, keyId: payload.integrationKey.keyId, apiKey: payload.apiKey, signingSecret: payload.signingSecret });
    onCreated();
  };

  const download = () => {
    if (!issued) return;
    const url = URL.createObjectURL(new Blob([envFile(issued.apiKey, issued.signingSecret, window.location.origin)], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `matchup-${issued.keyId}.env`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Modal
      opened={opened}
      onClose={issued ? () => undefined : close}
      closeOnClickOutside={!issued}
      closeOnEscape={!issued}
      withCloseButton={!issued}
      title={issued ? t('seller.keys.created', { name: issued.name }) : t('seller.keys.newTitle')}
      size={issued ? 640 : 'md'}
      centered
    >
      {issued ? (
        <Stack gap="md" data-testid="issued-key">
          <Alert color="yellow" variant="light" icon={<IconShieldLock aria-hidden />} title={t('seller.keys.copyNow')} role="alert">
            {t('seller.keys.storeBoth')}
          </Alert>
          <SecretField label={t('seller.keys.apiKey')} description={t('seller.keys.apiKeyHint')} value={issued.apiKey} copyLabel={t('seller.keys.copyApiKey')} testId="issued-api-key" />
          <SecretField
            label={t('seller.keys.signingSecret')}
            description={t('seller.keys.signingSecretHint')}
            value={issued.signingSecret}
            copyLabel={t('seller.keys.copySigningSecret')}
            testId="issued-signing-secret"
          />
          <Checkbox checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} label={t('seller.keys.stored')} />
          <Group justify="space-between" gap="sm">
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
              {t('seller.keys.download')}
            </Button>
            <Button onClick={close} disabled={!stored}>
              {t('seller.keys.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <Stack>
            <FormErrorAlert message={formError} />
            <TextInput
              label={t('seller.keys.name')}
              description={t('seller.keys.nameHint', { max: KEY_NAME_MAX })}
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                if (nameError) setNameError(keyNameError(e.currentTarget.value, t));
              }}
              error={nameError}
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              {t('seller.keys.pushesOnly')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={fetching}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={fetching}>
                {t('seller.keys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function SecretField({ label, description, value, copyLabel, testId }: { label: string; description: string; value: string; copyLabel: string; testId: string }) {
  const t = useT();
  return (
    <Stack gap={6}>
      <Textarea
        label={label}
        description={description}
        value={value}
        readOnly
        autosize
        minRows={1}
        onFocus={(e) => e.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
        data-testid={testId}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? 'filled' : 'light'}
            color={copied ? 'teal' : 'indigo'}
            leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            onClick={copy}
            style={{ alignSelf: 'flex-start' }}
            aria-live="polite"
          >
            {copied ? t('seller.keys.copied') : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
