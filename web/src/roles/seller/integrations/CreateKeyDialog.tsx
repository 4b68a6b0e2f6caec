/**
 * A new integration key in two steps: name it, then copy the API key and the signing secret — shown this once.
 * The second step cannot be dismissed by a stray click or Escape, only by "Done" once the seller confirms it
 * stored both.
 */
import { Alert, Button, Checkbox, CopyButton, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconDownload, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { IntegrationKeyCreateDocument } from '../../../generated/graphql';
import { mutationFormErrors, showFormProblems } from '../../../components/mutationResult';
import { envFile, KEY_NAME_MAX, keyNameError } from './integrationKeys';
import { useT } from '../../../i18n/context';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { FormActions } from '../../../components/FormActions';

interface Issued {
  name: string;
  keyId: string;
  apiKey: string;
  signingSecret: string;
}

export function CreateKeyDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  // Checked on submit; once the name has an error (the rule's or the server's), it is checked again as typed.
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    clearInputErrorOnChange: false,
    validate: { name: (name: string) => keyNameError(name, t) },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [stored, setStored] = useState(false);
  const [{ fetching }, create] = useMutation(IntegrationKeyCreateDocument);

  const close = () => {
    form.reset();
    setFormError(null);
    setIssued(null);
    setStored(false);
    onClose();
  };

  const submit = async () => {
    setFormError(null);
    if (form.validate().hasErrors) return;
    const result = await create({ input: { name: form.getValues().name.trim() } }, { additionalTypenames: ['IntegrationKey'] });
    const payload = result.data?.integrationKeyCreate;
    const problems = mutationFormErrors(result, payload?.userErrors, ['name'] as const);
    if (problems || !payload?.integrationKey || !payload.apiKey || !payload.signingSecret) {
      const formText = problems ? showFormProblems(form, problems) : null;
      setFormError(formText ?? (problems?.fieldErrors.name ? null : t('seller.keys.notCreated')));
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
              {...form.getInputProps('name')}
              onChange={(e) => {
                form.setFieldValue('name', e.currentTarget.value);
                if (form.errors.name) form.validateField('name');
              }}
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              {t('seller.keys.pushesOnly')}
            </Text>
            <FormActions submitLabel={t('seller.keys.create')} onCancel={close} busy={fetching} cancelDisabled={fetching} />
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
