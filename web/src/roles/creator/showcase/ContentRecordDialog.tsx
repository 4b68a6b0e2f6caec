/** Record a video or LIVE session for a product in the showcase; it fulfils a delivered sample of it. */
import { Button, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useMutation } from 'urql';
import { WallTimeInput } from '../../../features/campaigns/WallTimeInput';
import { wallTimeToInstant, zoneName } from '../../../features/campaigns/zonedTime';
import { ContentRecordDocument, type ContentKind } from '../../../generated/graphql';
import { mutationFormErrors } from '../../../components/mutationResult';
import { useT } from '../../../i18n/context';
import { FormErrorAlert } from '../../../components/FormErrorAlert';

const FIELDS = ['kind', 'url', 'postedAt'] as const;
type Field = (typeof FIELDS)[number];

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
  const [kind, setKind] = useState<ContentKind>('VIDEO');
  const [url, setUrl] = useState('');
  const [postedAt, setPostedAt] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(ContentRecordDocument);

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    const trimmed = url.trim();
    if (!trimmed) local.url = t('creator.content.pasteUrl');
    else if (!/^https:\/\/\S+$/i.test(trimmed)) local.url = t('creator.content.httpsUrl');
    const instant = postedAt ? wallTimeToInstant(postedAt, timeZone) : null;
    if (postedAt && !instant) local.postedAt = t('creator.content.enterDate');
    else if (instant && Date.parse(instant) > Date.now()) local.postedAt = t('creator.content.notFuture');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    const result = await record({ input: { showcaseEntryId: target.entryId, kind, url: trimmed, postedAt: instant } });
    const payload = result.data?.contentRecord;
    const split = mutationFormErrors(result, payload?.userErrors, FIELDS);
    if (split) {
      setErrors(split.fieldErrors);
      setFormError(split.formErrors.join(' ') || null);
      return;
    }
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
            value={kind}
            onChange={(v) => setKind(v as ContentKind)}
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
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setErrors((x) => ({ ...x, url: undefined }));
          }}
          error={errors.url}
          data-autofocus
        />
        <WallTimeInput
          label={t('creator.content.postedAt')}
          description={t('creator.content.postedAtHint', { zone: zoneName(timeZone) })}
          size="md"
          value={postedAt}
          onChange={(v) => {
            setPostedAt(v);
            setErrors((x) => ({ ...x, postedAt: undefined }));
          }}
          error={errors.postedAt}
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
