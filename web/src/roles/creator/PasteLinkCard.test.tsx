// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFieldError, renderForm } from '../../components/testing/renderForm';
import { PasteLinkCard } from './PasteLinkCard';

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}
const link = () => screen.getByTestId('paste-link-input') as HTMLInputElement;
const open = () => fireEvent.click(screen.getByRole('button', { name: 'Open offer' }));

afterEach(cleanup);

describe('PasteLinkCard', () => {
  it('asks for a link, then says what is not one, and the error goes once the text is edited', async () => {
    renderForm(<><PasteLinkCard /><Where /></>, {});
    await screen.findByRole('button', { name: 'Open offer' });
    open();
    await expectFieldError(link, 'Paste the link an agency sent you');
    fireEvent.change(link(), { target: { value: 'see you tomorrow' } });
    await waitFor(() => expect(screen.queryByText('Paste the link an agency sent you')).toBeNull());
    open();
    expect(await screen.findByText(/This is not a Matchup offer link/)).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/');
  });

  it('opens the offer of a link found in a pasted message', async () => {
    renderForm(<><PasteLinkCard /><Where /></>, {});
    await screen.findByRole('button', { name: 'Open offer' });
    fireEvent.change(link(), { target: { value: 'Our offer: https://matchup.example/c/AbCdEfGhIjKlMnOp00 — see you!' } });
    open();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/c/AbCdEfGhIjKlMnOp00'));
  });
});
