/** "Got a link from an agency?" — paste it (the whole message is fine) and open the offer. */
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconLink } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { parseShareToken, sharePath } from './shareToken';
import { useT } from '../../i18n/context';

/** The shape of a link: the same in every language. */
const PLACEHOLDER = 'https://…/c/…';

export function PasteLinkCard({ title }: { title?: string }) {
  const t = useT();
  const navigate = useNavigate();
  // Checked on submit; the error goes as soon as the text is edited.
  const form = useForm({
    mode: 'controlled',
    initialValues: { link: '' },
    validate: { link: (text: string) => (parseShareToken(text) ? null : text.trim() ? t('creator.pasteLink.notALink') : t('creator.pasteLink.pasteIt')) },
  });
  const open = ({ link }: { link: string }) => {
    const token = parseShareToken(link);
    if (token) void navigate(sharePath(token));
  };
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="paste-link-title">
      <form onSubmit={form.onSubmit(open)} noValidate>
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <IconLink size={20} aria-hidden color="var(--mantine-color-pink-6)" />
            <Text fw={700} id="paste-link-title">
              {title ?? t('creator.pasteLink.title')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('creator.pasteLink.body')}
          </Text>
          <TextInput
            label={t('creator.pasteLink.label')}
            placeholder={PLACEHOLDER}
            size="md"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            {...form.getInputProps('link')}
            data-testid="paste-link-input"
          />
          <Button type="submit" size="md" fullWidth rightSection={<IconArrowRight size={18} aria-hidden />}>
            {t('creator.pasteLink.open')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
