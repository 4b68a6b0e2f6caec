/**
 * Sign-in. The server sets an HttpOnly session cookie on success; the app then recreates its GraphQL client
 * (fresh socket and cache) and goes to the role's home. userErrors are shown at the field they name.
 */
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLogin } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LoginDocument } from '../../generated/graphql';
import { describeError } from '../../lib/errors';
import { splitUserErrors } from '../../lib/userErrors';
import { roleHome, roleOwnsPath, ROLE_MODULES } from '../../roles';
import { useSession, useViewerContext } from '../../session/context';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';
import { useT } from '../../i18n/context';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import classes from './LoginPage.module.css';

type Field = 'email' | 'password';
const FIELDS: ReadonlyArray<Field> = ['email', 'password'];

export function LoginPage() {
  const { viewer } = useViewerContext();
  const { resetClient } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [{ fetching }, login] = useMutation(LoginDocument);
  const [formError, setFormError] = useState<string | null>(null);
  const t = useT();

  const form = useForm<Record<Field, string>>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('login.enterEmail')),
      password: (v) => (v ? null : t('login.enterPassword')),
    },
  });

  if (viewer) return <Navigate to={roleHome(viewer.role)} replace />;

  const from = (location.state as { from?: string } | null)?.from;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const result = await login({ input: { email: values.email.trim(), password: values.password } });
    if (result.error) {
      setFormError(describeError(result.error));
      return;
    }
    const payload = result.data?.login;
    if (!payload) {
      setFormError(t('login.failed'));
      return;
    }
    if (payload.userErrors.length > 0 || !payload.viewer) {
      const { fieldErrors, formErrors } = splitUserErrors(payload.userErrors, FIELDS);
      form.setErrors(fieldErrors);
      const anyFieldError = FIELDS.some((f) => fieldErrors[f]);
      setFormError(formErrors.length ? formErrors.join(' ') : anyFieldError ? null : t('login.failed'));
      const firstField = FIELDS.find((f) => fieldErrors[f]);
      if (firstField) document.getElementById(`login-${firstField}`)?.focus();
      return;
    }
    const role = payload.viewer.role;
    const home = role ? roleHome(role) : '/';
    resetClient();
    // Back to the page that asked for the sign-in (a creator's share link too), if it is one of the role's.
    void navigate(from && role && roleOwnsPath(role, from) ? from : home, { replace: true });
  });

  const fill = (email: string) => {
    form.setValues({ email, password: DEMO_PASSWORD });
    form.clearErrors();
    setFormError(null);
    document.getElementById('login-submit')?.focus();
  };

  return (
    <Box className={classes.page}>
      <Center mih="100dvh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Group justify="flex-end">
            <LanguageSwitcher />
          </Group>
          <Stack gap={4} align="center">
            <div className={classes.logo} aria-hidden>
              M
            </div>
            <Title order={1} size="h2" ta="center">
              {t('login.title')}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t('login.tagline')}
            </Text>
          </Stack>

          <Paper withBorder shadow="sm" radius="md" p="xl" component="main">
            <form onSubmit={submit} noValidate aria-describedby={formError ? 'login-form-error' : undefined}>
              <Stack gap="md">
                {formError && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} id="login-form-error" role="alert">
                    {formError}
                  </Alert>
                )}
                <TextInput
                  id="login-email"
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  id="login-password"
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                  // Mantine 9.7 sets aria-invalid on TextInput but not on PasswordInput's inner input.
                  aria-invalid={form.errors.password ? true : undefined}
                />
                <Button
                  id="login-submit"
                  type="submit"
                  fullWidth
                  loading={fetching}
                  leftSection={<IconLogin size={18} aria-hidden />}
                >
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="demo-accounts-title">
            <Group justify="space-between" mb={4}>
              <Text fw={600} size="sm" id="demo-accounts-title">
                {t('login.demoAccounts')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('login.demoPassword')} <code className={classes.code}>{DEMO_PASSWORD}</code>
              </Text>
            </Group>
            <Divider mb={4} />
            <Table verticalSpacing={4} horizontalSpacing={0} withRowBorders={false}>
              <Table.Tbody>
                {DEMO_ACCOUNTS.map((account) => (
                  <Table.Tr key={account.role}>
                    <Table.Td w={90}>
                      <Text size="sm" fw={500}>
                        {t(ROLE_MODULES[account.role].label)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" ff="monospace">
                        {account.email}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => fill(account.email)}
                        aria-label={t('login.useDemo', { role: t(ROLE_MODULES[account.role].label) })}
                        className={classes.fill}
                      >
                        {t('login.use')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
