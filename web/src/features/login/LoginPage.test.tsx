// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Client, fetchExchange, Provider } from 'urql';
import { I18nProvider } from '../../i18n/I18nProvider';
import type { LocaleCode } from '../../i18n/locales';
import { SessionContext, ViewerContext } from '../../session/context';
import { LoginPage } from './LoginPage';

type LoginResponse = { data: unknown } | { errors: unknown[] };

async function setup(response: LoginResponse, locale: LocaleCode = 'en') {
  const requests: unknown[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(JSON.parse(String(init?.body)));
    return new Response(JSON.stringify(response), { headers: { 'content-type': 'application/json' } });
  });
  const client = new Client({ url: '/graphql', exchanges: [fetchExchange], fetch });
  const resetClient = vi.fn();
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/seller', element: <p>seller home</p> },
    ],
    { initialEntries: ['/login'] },
  );
  render(
    <MantineProvider>
      <I18nProvider locale={locale}>
      <SessionContext.Provider value={{ connection: 'idle', reconnects: 0, generation: 0, resetClient }}>
        <ViewerContext.Provider value={{ viewer: null, refetchViewer: () => {} }}>
          <Provider value={client}>
            <RouterProvider router={router} />
          </Provider>
        </ViewerContext.Provider>
      </SessionContext.Provider>
      </I18nProvider>
    </MantineProvider>,
  );
  await screen.findByRole('button', { name: locale === 'th' ? 'เข้าสู่ระบบ' : 'Sign in' });
  return { requests, resetClient, router };
}

const email = () => screen.getByLabelText(/^Email/) as HTMLInputElement;
const password = () => screen.getByLabelText(/^Password/, { selector: 'input' }) as HTMLInputElement;

function submit(emailValue: string, passwordValue: string) {
  fireEvent.change(email(), { target: { value: emailValue } });
  fireEvent.change(password(), { target: { value: passwordValue } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(cleanup);

describe('LoginPage', () => {
  it('shows a userError at the field it names', async () => {
    const { requests } = await setup({
      data: {
        login: {
          viewer: null,
          userErrors: [{ field: ['input', 'password'], message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' }],
        },
      },
    });
    submit('agency@demo.test', 'wrong');
    await waitFor(() => expect(password().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Email or password is incorrect')).toBeTruthy();
    expect(email().getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(requests[0]).toMatchObject({
      operationName: 'Login',
      variables: { input: { email: 'agency@demo.test', password: 'wrong' } },
    });
  });

  it('shows errors without a field as a form alert', async () => {
    await setup({
      data: { login: { viewer: null, userErrors: [{ field: null, message: 'Too many attempts. Try again later.', code: 'THROTTLED' }] } },
    });
    submit('agency@demo.test', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts');
  });

  it('validates empty fields without calling the server', async () => {
    const { requests } = await setup({ data: null });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(email().getAttribute('aria-invalid')).toBe('true'));
    expect(requests).toHaveLength(0);
  });

  it('fills a demo account with one click', async () => {
    await setup({ data: null });
    fireEvent.click(screen.getByRole('button', { name: 'Fill in the Creator demo account' }));
    expect(email().value).toBe('creator@demo.test');
    expect(password().value).toBe('demo1234');
  });

  it('recreates the client and goes to the role home on success', async () => {
    const { resetClient, router } = await setup({
      data: { login: { viewer: { role: 'SELLER', user: { id: 'VXNlcjox' } }, userErrors: [] } },
    });
    submit('seller@demo.test', 'demo1234');
    await waitFor(() => expect(router.state.location.pathname).toBe('/seller'));
    expect(resetClient).toHaveBeenCalledOnce();
  });

  it('speaks Thai, and shows a server error from its code in Thai', async () => {
    await setup(
      {
        data: {
          login: {
            viewer: null,
            userErrors: [{ field: ['input', 'password'], message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' }],
          },
        },
      },
      'th',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('เข้าสู่ระบบ Matchup');
    fireEvent.change(screen.getByLabelText(/^อีเมล/), { target: { value: 'agency@demo.test' } });
    fireEvent.change(screen.getByLabelText(/^รหัสผ่าน/, { selector: 'input' }), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
    expect(await screen.findByText('อีเมลหรือรหัสผ่านไม่ถูกต้อง')).toBeTruthy();
    expect(screen.queryByText('Email or password is incorrect')).toBeNull();
  });
});
