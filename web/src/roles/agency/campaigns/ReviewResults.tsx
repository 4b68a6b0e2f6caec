/** What a review did, item by item: which registrations changed and why the others did not. */
import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/context';

export interface ReviewOutcome {
  id: string;
  title: string;
  ok: boolean;
  message: string;
}

/** `summary` is one message per decision, with {done} and {failed} counts ("3 approved, 1 not changed"), so that
 * each language orders and inflects the whole sentence itself. */
export function ReviewResults({ summary, outcomes, onClose }: { summary: MessageKey; outcomes: ReadonlyArray<ReviewOutcome>; onClose: () => void }) {
  const t = useT();
  const done = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - done;
  return (
    <Alert
      color={failed === 0 ? 'teal' : done === 0 ? 'red' : 'orange'}
      variant="light"
      withCloseButton
      closeButtonLabel={t('campaigns.registrations.resultsDismiss')}
      onClose={onClose}
      title={t(summary, { done, failed })}
      data-testid="review-results"
      role="status"
    >
      <List spacing={4} size="sm" center>
        {outcomes.map((o) => (
          <List.Item
            key={o.id}
            icon={
              <ThemeIcon size={18} radius="xl" color={o.ok ? 'teal' : 'red'} variant="light">
                {o.ok ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={500}>
              {o.title}
            </Text>
            <Text size="sm" span c={o.ok ? 'dimmed' : 'red'}>
              {' '}
              — {o.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
