/** A registration's row actions for its seller: history, and a menu of change terms / raise quota / withdraw / request cancellation. */
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { IconDots, IconHistory } from '@tabler/icons-react';
import type { RegistrationStatus, SellerRegistrationsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';

export type MyRegistration = SellerRegistrationsQuery['registrations']['edges'][number]['node'];

/** What a row's actions open; each gets the row. */
export interface MyRegistrationActions {
  withdraw: (row: MyRegistration) => void;
  cancel: (row: MyRegistration) => void;
  quota: (row: MyRegistration) => void;
  terms: (row: MyRegistration) => void;
  history: (row: MyRegistration) => void;
}

const OPEN: RegistrationStatus[] = ['PENDING', 'APPROVED', 'PENDING_CLOSED'];

export function RegistrationRowActions({ row, actions }: { row: MyRegistration; actions: MyRegistrationActions }) {
  const t = useT();
  const title = row.product?.title ?? t('seller.regs.registration');
  const campaignOver = row.campaign?.status === 'CLOSED';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={t('seller.samples.history')} withArrow>
        <ActionIcon variant="subtle" color="gray" aria-label={t('seller.regs.historyOf', { title })} onClick={() => actions.history(row)}>
          <IconHistory size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('seller.regs.actionsFor', { title })} data-row-actions={row.id} disabled={campaignOver || !OPEN.includes(row.status)}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {row.status === 'PENDING' && <Menu.Item onClick={() => actions.terms(row)}>{t('seller.regs.changeTerms')}</Menu.Item>}
          <Menu.Item onClick={() => actions.quota(row)}>{t('seller.regs.raiseQuota')}</Menu.Item>
          {row.status === 'PENDING' && (
            <Menu.Item color="red" onClick={() => actions.withdraw(row)}>
              {t('seller.regs.withdraw')}
            </Menu.Item>
          )}
          {row.status === 'APPROVED' && (
            <Menu.Item color="orange" onClick={() => actions.cancel(row)}>
              {t('seller.regs.requestCancellation')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
