/**
 * A new webhook endpoint in two steps: URL, event types and a note; then its signing secret — shown this once,
 * dismissable only by "Done".
 */
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useMutation } from 'urql';
import { WebhookEndpointCreateDocument } from '../../generated/graphql';
import { useT } from '../../i18n/context';
import { richT } from '../../i18n/rich';
import { describeError } from '../../lib/errors';
import { splitUserErrors } from '../../lib/userErrors';

interface EventType {
  name: string;
  description: string;
}

export function CreateEndpointDialog({ opened, eventTypes, onClose, onCreated }: {
  opened: boolean;
  eventTypes: ReadonlyArray<EventType>;
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useT();
  // The server checks every field; its userErrors stay on their field until the next try.
  const form = useForm<{ url: string; description: string; eventTypes: string[] }>({
    mode: 'controlled',
    initialValues: { url: '', description: '', eventTypes: [] },
    clearInputErrorOnChange: false,
  });
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(WebhookEndpointCreateDocument);

  const close = () => {
    form.reset();
    setFormError(undefined);
    setSecret(null);
    onClose();
  };

  const submit = async () => {
    const { url, eventTypes, description } = form.getValues();
    const result = await create({ input: { url: url.trim(), eventTypes, description } }, { additionalTypenames: ['WebhookEndpoint'] });
    if (result.error) {
      form.clearErrors();
      setFormError(describeError(result.error));
      return;
    }
    const payload = result.data?.webhookEndpointCreate;
    if (!payload?.webhookEndpoint || !payload.secret) {
      const { fieldErrors, formErrors } = splitUserErrors(payload?.userErrors ?? [], ['url', 'eventTypes', 'description'] as const);
      form.setErrors({ url: fieldErrors.url, eventTypes: fieldErrors.eventTypes });
      setFormError([...formErrors, fieldErrors.description].filter(Boolean).join(' ') || undefined);
      return;
    }
    setSecret(payload.secret);
    onCreated();
  };

  return (
    <Modal
      opened={opened}
      onClose={secret ? () => undefined : close}
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
      withCloseButton={!secret}
      title={secret ? t('webhooks.create.secretTitle') : t('webhooks.create.title')}
      size="lg"
      centered
    >
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconShieldLock aria-hidden />}>
            {richT(t, 'webhooks.create.secretOnce', {}, { header: <Code>webhook-signature</Code> })}
          </Alert>
          <Group gap="xs" wrap="nowrap">
            <Code fz="sm" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                  {copied ? t('webhooks.create.copied') : t('webhooks.create.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{t('webhooks.create.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <TextInput
            label={t('webhooks.create.url')}
            description={t('webhooks.create.urlHint')}
            placeholder={t('webhooks.create.urlPlaceholder')}
            {...form.getInputProps('url')}
            required
            data-autofocus
          />
          <TextInput label={t('webhooks.create.note')} placeholder={t('webhooks.create.notePlaceholder')} {...form.getInputProps('description')} maxLength={200} />
          <Checkbox.Group label={t('webhooks.create.events')} description={t('webhooks.create.eventsHint')} {...form.getInputProps('eventTypes')} required>
            <Stack gap={6} mt="xs">
              {eventTypes.map((type) => (
                <Checkbox key={type.name} value={type.name} label={<Code fz="xs">{type.name}</Code>} description={type.description} />
              ))}
            </Stack>
          </Checkbox.Group>
          {formError && (
            <Text c="red" size="sm" role="alert">
              {formError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={fetching}>
              {t('webhooks.create.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
