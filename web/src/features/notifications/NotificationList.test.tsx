// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { NotificationList, type NotificationItem } from './NotificationList';

const items: NotificationItem[] = [
  {
    id: 'n1',
    kind: 'SAMPLE_APPROVED',
    title: 'Sample request approved',
    body: 'Serum: the seller will ship it to you.',
    params: { product: 'Serum' },
    createdAt: '2026-12-05T10:00:00+00:00',
    readAt: null,
  },
  {
    id: 'n2',
    kind: 'SOMETHING_NEW',
    title: 'Something new happened',
    body: 'Written by a newer server.',
    params: {},
    createdAt: '2026-12-05T09:00:00+00:00',
    readAt: '2026-12-05T09:30:00+00:00',
  },
];

afterEach(cleanup);

describe('NotificationList', () => {
  it('shows a known kind in the reader’s language and an unknown one as the server wrote it', async () => {
    render(
      <MantineProvider>
        <I18nProvider locale="th">
          <NotificationList items={items} timeZone="Asia/Bangkok" onMarkRead={() => {}} />
        </I18nProvider>
      </MantineProvider>,
    );
    expect(await screen.findByText('คำขอตัวอย่างสินค้าได้รับอนุมัติ')).toBeTruthy();
    expect(screen.getByText('Serum: ผู้ขายจะจัดส่งให้คุณ')).toBeTruthy();
    expect(screen.queryByText('Sample request approved')).toBeNull();
    expect(screen.getByText('Something new happened')).toBeTruthy();
    expect(screen.getByText('Written by a newer server.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /คำขอตัวอย่างสินค้าได้รับอนุมัติ/ })).toBeTruthy();
  });
});
