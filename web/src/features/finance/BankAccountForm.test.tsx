// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../components/testing/renderForm';
import { BankAccountForm } from './BankAccountForm';

const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const link = () => fireEvent.click(screen.getByRole('button', { name: 'Link bank account' }));

afterEach(cleanup);

describe('BankAccountForm', () => {
  it('asks for the bank before sending anything, focuses it, and drops the error once it is edited', async () => {
    const { sent } = renderForm(<BankAccountForm market="TH" currency="THB" holderName="Ploy" onLinked={() => {}} />, {});
    await screen.findByRole('button', { name: 'Link bank account' });
    fireEvent.change(box(/^Account number/), { target: { value: '1234567890' } });
    fireEvent.change(box(/^SWIFT \/ BIC/), { target: { value: 'BKKBTHBK' } });
    link();
    expect(await screen.findByText('Enter the bank’s name')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Bank$|^Bank \*/));
    fireEvent.change(box(/^Bank$|^Bank \*/), { target: { value: 'B' } });
    await waitFor(() => expect(screen.queryByText('Enter the bank’s name')).toBeNull());
    expect(sent).toHaveLength(0);
  });

  it("shows the server's error at the account number and focuses it", async () => {
    const onLinked = vi.fn();
    const { sent } = renderForm(<BankAccountForm market="TH" currency="THB" holderName="Ploy" onLinked={onLinked} />, {
      BankAccountLink: {
        data: { bankAccountLink: { bankAccount: null, userErrors: [{ field: ['input', 'accountNumber'], message: 'The processor refused this account', code: 'ACCOUNT_REFUSED' }] } },
      },
    });
    await screen.findByRole('button', { name: 'Link bank account' });
    fireEvent.change(box(/^Bank$|^Bank \*/), { target: { value: 'Bangkok Bank' } });
    fireEvent.change(box(/^Account number/), { target: { value: '123-456-7890' } });
    fireEvent.change(box(/^SWIFT \/ BIC/), { target: { value: 'bkkbthbk' } });
    link();
    await waitFor(() => expect(box(/^Account number/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The processor refused this account')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Account number/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onLinked).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toEqual({ input: { holderName: 'Ploy', bankName: 'Bangkok Bank', accountNumber: '1234567890', routingCode: 'BKKBTHBK' } });
  });
});
