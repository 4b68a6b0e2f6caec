/** "Got a link from an agency?" — paste it (the whole message is fine) and open the offer. */
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { parseShareToken, sharePath } from '../../features/showcase/shareToken';

export function PasteLinkCard({ title = 'Open an offer link' }: { title?: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    const token = parseShareToken(text);
    if (!token) {
      setError(text.trim() ? 'This is not a Matchup offer link. It looks like …/c/AbC123…' : 'Paste the link an agency sent you');
      return;
    }
    void navigate(sharePath(token));
  };
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="paste-link-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <IconLink size={20} aria-hidden color="var(--mantine-color-pink-6)" />
            <Text fw={700} id="paste-link-title">
              {title}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            Agencies share their offers as a link. Paste it here to see the products and your commission.
          </Text>
          <TextInput
            label="Offer link"
            placeholder="https://…/c/…"
            size="md"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-testid="paste-link-input"
          />
          <Button type="submit" size="md" fullWidth rightSection={<IconArrowRight size={18} aria-hidden />}>
            Open offer
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
