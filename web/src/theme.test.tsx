// @vitest-environment happy-dom
import { MantineProvider, Notification } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from './i18n/I18nProvider';
import type { LocaleCode } from './i18n/locales';
import { theme } from './theme';

afterEach(cleanup);

function toast(locale: LocaleCode) {
  render(
    <MantineProvider theme={theme}>
      <I18nProvider locale={locale}>
        <Notification title="x">y</Notification>
      </I18nProvider>
    </MantineProvider>,
  );
}

describe('the theme', () => {
  it('names every toast’s close button in the language in use', async () => {
    toast('en');
    expect(await screen.findByRole('button', { name: 'Dismiss notification' }, { timeout: 5000 })).toBeTruthy();
    cleanup();
    toast('th');
    expect(await screen.findByRole('button', { name: 'ปิดการแจ้งเตือน' }, { timeout: 5000 })).toBeTruthy();
  });
});
