/** Step 3 of registering: the contact (email, optional WhatsApp), then the form's error and the submit. */
import { Alert, Button, Card, Group, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../i18n/context';
import { formatCount } from '../../../lib/format';
import type { RegisterForm } from './useRegisterForm';

export function ContactAndSubmit({ form }: { form: RegisterForm }) {
  const t = useT();
  const { generalError, submitted, selected, invalidCount } = form;
  return (
    <>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="contact-title">
        <Title order={2} size="h4" id="contact-title" mb="sm">
          {t('seller.register.step3')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('seller.terms.contactEmail')}
            required
            type="email"
            autoComplete="email"
            {...form.emailProps}
          />
          <TextInput
            label={t('seller.register.whatsappOptional')}
            type="tel"
            {...form.whatsappProps}
          />
        </SimpleGrid>
      </Card>

      {generalError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('seller.register.nothingRegistered')} role="alert">
          {generalError}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c={submitted && invalidCount ? 'red' : 'dimmed'} aria-live="polite">
          {selected.length === 0
            ? t('seller.register.selectOne')
            : invalidCount
              ? t('seller.register.needAttention', { count: invalidCount, shown: formatCount(invalidCount) })
              : t('seller.register.ready', { count: selected.length, shown: formatCount(selected.length) })}
        </Text>
        <Button type="submit" loading={form.saving} disabled={selected.length === 0}>
          {t('seller.register.submit', { count: selected.length, shown: formatCount(selected.length) })}
        </Button>
      </Group>
    </>
  );
}
