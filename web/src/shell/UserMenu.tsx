/** The header's account button; its menu (Mantine Menu, floating-ui) loads when the user reaches for it. */
import { Avatar, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ComponentProps } from 'react';
import type { RoleModule } from '../roles/types';
import { deferred } from '../components/Deferred';
import { useViewer } from '../session/context';
import { initials } from '../lib/text';
import { useT } from '../i18n/context';
import classes from './Shell.module.css';

type UserMenuProps = {
  avatarUrl?: string | null;
  /** The role whose account menu this is: its `accountNav` screens are listed under Settings. */
  module?: Pick<RoleModule, 'basePath' | 'accountNav'>;
};

/** The avatar button: the menu's target once loaded, and the placeholder until then. */
export function UserButton({ avatarUrl, ...props }: Omit<UserMenuProps, 'module'> & ComponentProps<'button'>) {
  const viewer = useViewer();
  const t = useT();
  return (
    <UnstyledButton {...props} className={classes.userButton}>
      {/* Named by hidden text, not aria-label: the initials stay out of the name (WCAG 2.5.3 label in name). */}
      <VisuallyHidden>{t('shell.accountMenu', { name: viewer.user.fullName })}</VisuallyHidden>
      <Avatar src={avatarUrl ?? null} radius="xl" size={32} color="initials" name={viewer.user.fullName} aria-hidden>
        {initials(viewer.user.fullName)}
      </Avatar>
    </UnstyledButton>
  );
}

const DeferredUserMenu = deferred<UserMenuProps>(
  () => import('./UserMenuDropdown').then((m) => m.UserMenuDropdown),
  'click',
);

export function UserMenu({ avatarUrl, module }: UserMenuProps) {
  return <DeferredUserMenu avatarUrl={avatarUrl} module={module} trigger={<UserButton avatarUrl={avatarUrl} />} />;
}
