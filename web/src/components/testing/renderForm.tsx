/**
 * For component tests of forms: renders a form in the app's providers (Mantine, English, an idle session, a memory
 * router) with a real urql client whose fetch answers each operation by name from `answers` and records what was sent.
 */
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { expect } from 'vitest';
import { Client, fetchExchange, Provider } from 'urql';
import { I18nProvider } from '../../i18n/I18nProvider';
import { SessionContext } from '../../session/context';

/** An operation's answer: its data, or a function of the request's variables. */
export type Answer = { data: unknown } | { errors: unknown[] } | ((variables: Record<string, unknown>) => { data: unknown } | { errors: unknown[] });

export interface SentOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

export function renderForm(ui: ReactNode, answers: Record<string, Answer>): { sent: SentOperation[] } {
  // happy-dom has no FontFaceSet; Mantine's autosized Textarea listens on document.fonts.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
  const sent: SentOperation[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as SentOperation;
    sent.push(body);
    const answer = answers[body.operationName];
    const payload = typeof answer === 'function' ? answer(body.variables) : (answer ?? { errors: [{ message: body.operationName }] });
    return new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } });
  };
  const client = new Client({ url: '/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false });
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: ['/'] });
  render(
    <MantineProvider>
      <I18nProvider locale="en">
        <SessionContext.Provider value={{ connection: 'idle', reconnects: 0, generation: 0, resetClient: () => {} }}>
          <Provider value={client}>
            <RouterProvider router={router} />
          </Provider>
        </SessionContext.Provider>
      </I18nProvider>
    </MantineProvider>,
  );
  return { sent };
}

/** `message` shows up, and `field` (looked up again then) is marked invalid: a field's error, the rule's or the server's. */
export async function expectFieldError(field: () => HTMLElement, message: string | RegExp): Promise<void> {
  expect(await screen.findByText(message)).toBeTruthy();
  expect(field().getAttribute('aria-invalid')).toBe('true');
}
