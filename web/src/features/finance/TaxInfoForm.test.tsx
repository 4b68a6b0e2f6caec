// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../components/testing/renderForm';
import { emptyTaxForm } from './taxForms';
import { TaxInfoForm } from './TaxInfoForm';

const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));

afterEach(cleanup);

describe('TaxInfoForm', () => {
  it('asks for what is missing before sending anything and focuses the first field', async () => {
    const { sent } = renderForm(<TaxInfoForm market="TH" initial={emptyTaxForm()} onSubmitted={() => {}} />, {});
    await screen.findByRole('button', { name: 'Submit for review' });
    send();
    expect(await screen.findByText('Enter your legal name')).toBeTruthy();
    expect(screen.getByText('Enter the city')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Legal name/));
    expect(sent).toHaveLength(0);
  });

  it('keeps a US TIN error at the TIN field until the TIN is edited', async () => {
    renderForm(<TaxInfoForm market="US" initial={emptyTaxForm('Ann Lee')} onSubmitted={() => {}} />, {});
    await screen.findByRole('button', { name: 'Submit for review' });
    fireEvent.change(box(/^SSN/), { target: { value: '12' } });
    send();
    await waitFor(() => expect(box(/^SSN/).getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(box(/^SSN/), { target: { value: '123' } });
    await waitFor(() => expect(box(/^SSN/).getAttribute('aria-invalid')).not.toBe('true'));
  });

  it("shows the server's error at the postal code and focuses it", async () => {
    const onSubmitted = vi.fn();
    const { sent } = renderForm(<TaxInfoForm market="TH" initial={emptyTaxForm('Ploy Chanida')} onSubmitted={onSubmitted} />, {
      TaxInfoSubmit: {
        data: { taxInfoSubmit: { taxInfo: null, userErrors: [{ field: ['input', 'address', 'postalCode'], message: 'A Thai postal code has 5 digits', code: 'INVALID_POSTAL_CODE' }] } },
      },
    });
    await screen.findByRole('button', { name: 'Submit for review' });
    fireEvent.change(box(/^Tax identification number/), { target: { value: '1234567890121' } });
    fireEvent.change(box(/^Street address/), { target: { value: '99 Ari Soi 4' } });
    fireEvent.change(box(/^City/), { target: { value: 'Bangkok' } });
    fireEvent.change(box(/^Postal code/), { target: { value: '1' } });
    send();
    await waitFor(() => expect(box(/^Postal code/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A Thai postal code has 5 digits')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Postal code/));
    expect(onSubmitted).not.toHaveBeenCalled();
    expect(sent[0]?.operationName).toBe('TaxInfoSubmit');
  });
});
