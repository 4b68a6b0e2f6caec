import { useState } from 'react';
import { Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { IconCheck, IconLogout } from '@tabler/icons-react';
import type { DeferredStart } from '../components/Deferred';
import { navHref } from '../roles/nav';
import type { RoleModule } from '../roles/types';
import { useLogout } from '../session/useLogout';
import { useViewer } from '../session/context';
import { UserButton } from './UserMenu';
import { useLocale, useT } from '../i18n/context';
import { LOCALES } from '../i18n/locales';
import { useChooseLocale } from '../i18n/useChooseLocale';

type Props = { avatarUrl?: string | null; module?: Pick<RoleModule, 'basePath' | 'accountNav'> } & DeferredStart;

export function UserMenuDropdown({ avatarUrl, module, startOpen }: Props) {
  const viewer = useViewer();
  const t = useT();
  const { logout, loggingOut } = useLogout();
  const { locale } = useLocale();
  const choose = useChooseLocale();
  const [defaultOpened] = useState(startOpen);

  // No focus placeholder inside role=menu (a presentational, focusable div: axe aria-required-children).
  return (
    <Menu position="bottom-end" width={240} withArrow shadow="md" defaultOpened={defaultOpened} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UserButton avatarUrl={avatarUrl} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {viewer.user.fullName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {viewer.user.email}
          </Text>
        </Menu.Label>
        {module?.accountNav?.length ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('shell.settings')}</Menu.Label>
            {module.accountNav.map((item) => {
              const Icon = item.icon;
              return (
                <Menu.Item key={item.to} component={Link} to={navHref(module, item)} leftSection={<Icon size={16} aria-hidden />}>
                  {t(item.label)}
                </Menu.Item>
              );
            })}
          </>
        ) : null}
        <Menu.Divider />
        {/* On a phone the header has no room for a switcher: the language is chosen here (desktop has both), as
            menu items — a <select> is not allowed inside role=menu. */}
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            aria-current={l.code === locale ? 'true' : undefined}
            leftSection={<IconCheck size={14} aria-hidden style={{ visibility: l.code === locale ? 'visible' : 'hidden' }} />}
            onClick={() => choose(l.code)}
          >
            {l.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()} disabled={loggingOut}>
          {t('shell.logOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
