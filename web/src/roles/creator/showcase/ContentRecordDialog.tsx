/** Record a video or LIVE session for a product in the showcase; it fulfils a delivered sample of it. */
import { Button, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useMutation } from 'urql';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { ContentRecordDocument, type ContentKind } from '../../../generated/graphql';
import { submitChecked } from '../../../components/mutationResult';
import { valueProps } from '../../../components/valueProps';
import { useT } from '../../../i18n/context';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

const FIELDS = ['kind', 'url', 'postedAt'] as const;

export interface ContentTarget {
  entryId: string;
  title: string;
}

export function ContentRecordDialog({ target, timeZone, onClose, onRecorded }: { target: ContentTarget | null; timeZone: string; onClose: () => void; onRecorded: () => void }) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t('creator.content.title', { title: target.title }) : ''} fullScreen={phone} centered>
      {target && <ContentForm key={target.entryId} target={target} timeZone={timeZone} onClose={onClose} onRecorded={onRecorded} />}
    </Modal>
  );
}

function ContentForm({ target, timeZone, onClose, onRecorded }: { target: ContentTarget; timeZone: string; onClose: () => void; onRecorded: () => void }) {
  const t = useT();
  // Checked on submit; a field's error (the rule's or the server's) goes as soon as it is edited.
  const form = useForm<{ kind: ContentKind; url: string; postedAt: string }>({
    mode: 'controlled',
    initialValues: { kind: 'VIDEO', url: '', postedAt: '' },
    validate: {
      url: (url) => {
        const trimmed = url.trim();
        if (!trimmed) return t('creator.content.pasteUrl');
        return /^https:\/\/\S+$/i.test(trimmed) ? null : t('creator.content.httpsUrl');
      },
      postedAt: (postedAt) => {
        const instant = postedAt ? wallTimeToInstant(postedAt, timeZone) : null;
        if (postedAt && !instant) return t('creator.content.enterDate');
        return instant && Date.parse(instant) > Date.now() ? t('creator.content.notFuture') : null;
      },
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(ContentRecordDocument);

  const submit = async () => {
    const send = () => {
      const { kind, url, postedAt } = form.getValues();
      const instant = postedAt ? wallTimeToInstant(postedAt, timeZone) : null;
      return record({ input: { showcaseEntryId: target.entryId, kind, url: url.trim(), postedAt: instant } });
    };
    const result = await submitChecked(form, { fields: FIELDS, setFormError }, send, (r) => r.data?.contentRecord.userErrors);
    if (!result) return;
    onRecorded();
    onClose();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="content-kind-label">
            {t('creator.content.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            size="md"
            aria-labelledby="content-kind-label"
            value={form.values.kind}
            onChange={(v) => form.setFieldValue('kind', v as ContentKind)}
            data={[
              { value: 'VIDEO', label: t('creator.content.video') },
              { value: 'LIVE', label: t('creator.content.live') },
            ]}
          />
        </Stack>
        <TextInput
          label={t('creator.content.link')}
          placeholder={t('creator.content.linkPlaceholder')}
          size="md"
          type="url"
          inputMode="url"
          autoCapitalize="off"
          spellCheck={false}
          required
          {...form.getInputProps('url')}
          data-autofocus
        />
        <WallTimeInput
          label={t('creator.content.postedAt')}
          description={t('creator.content.postedAtHint', { zone: zoneName(timeZone) })}
          size="md"
          {...valueProps(form, 'postedAt')}
        />
        <Stack gap="xs" mt="xs">
          <Button type="submit" size="md" loading={fetching} color="pink" fullWidth>
            {t('creator.content.save')}
          </Button>
          <Button variant="subtle" color="gray" size="md" onClick={onClose} disabled={fetching} fullWidth>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
