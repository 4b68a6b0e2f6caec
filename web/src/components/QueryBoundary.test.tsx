// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { QueryBoundary, type QueryBoundaryProps } from './QueryBoundary';

afterEach(cleanup);

function show(props: Omit<QueryBoundaryProps<{ rows: string[] }>, 'children'>, children?: ReactNode) {
  render(
    <MantineProvider>
      <I18nProvider locale="en">
        <QueryBoundary {...props}>{children ?? ((data) => <p>rows: {data.rows.join(', ')}</p>)}</QueryBoundary>
      </I18nProvider>
    </MantineProvider>,
  );
}

const error = new CombinedError({ networkError: new Error('offline') });

describe('the query boundary', () => {
  it('shows the loading state until the first answer', async () => {
    show({ data: undefined, fetching: true, loadingLabel: 'Loading orders…' });
    expect((await screen.findByRole('status')).textContent).toContain('Loading orders…');
  });

  it('shows the error with a retry when there is no data', async () => {
    const retry = vi.fn();
    show({ data: undefined, fetching: false, error, onRetry: retry });
    expect(await screen.findByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button'));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('keeps showing the data while refetching or after a failed refetch', async () => {
    show({ data: { rows: ['a', 'b'] }, fetching: true, error });
    expect((await screen.findByText(/rows:/)).textContent).toBe('rows: a, b');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the empty state instead of the content when there is nothing to show', async () => {
    show({ data: { rows: [] }, fetching: false, empty: <p>Nothing yet</p> });
    expect(await screen.findByText('Nothing yet')).toBeTruthy();
    expect(screen.queryByText(/rows:/)).toBeNull();
  });

  it('renders plain children, and nothing for a function child before any data (a paused query)', async () => {
    show({ data: undefined, fetching: false, empty: false }, <p>plain</p>);
    expect(await screen.findByText('plain')).toBeTruthy();
    cleanup();
    show({ data: undefined, fetching: false });
    await screen.findByText((_, node) => node?.tagName === 'BODY');
    expect(screen.queryByText(/rows:/)).toBeNull();
  });
});
