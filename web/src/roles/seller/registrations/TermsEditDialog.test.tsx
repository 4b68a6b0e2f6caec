// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { TermsEditDialog, type TermsTarget } from './TermsEditDialog';

const target: TermsTarget = {
  id: 'r1',
  title: 'Serum',
  commissionRequirementBps: 1000,
  totalRateBps: 1500,
  sampleQuota: 3,
  shopAdsRateBps: null,
  contactEmail: 'shop@demo.test',
  contactWhatsapp: '+66 81 000 0000',
};
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save terms' }));

afterEach(cleanup);

describe('TermsEditDialog', () => {
  it('checks the rate against the campaign and asks for the email before sending anything', async () => {
    const { sent } = renderForm(<TermsEditDialog target={target} onClose={() => {}} onSaved={() => {}} />, {});
    fireEvent.change(await screen.findByRole('textbox', { name: /^Total commission/ }), { target: { value: '5' } });
    fireEvent.change(box(/^Contact email/), { target: { value: '  ' } });
    save();
    expect(await screen.findByText('Enter a contact email')).toBeTruthy();
    expect(screen.getByText('The campaign asks for at least 10 %')).toBeTruthy();
    expect(box(/^Total commission/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it("puts the server's errors at the fields they name: the contact email and the rate", async () => {
    const onSaved = vi.fn();
    const { sent } = renderForm(<TermsEditDialog target={target} onClose={() => {}} onSaved={onSaved} />, {
      RegistrationTermsUpdate: {
        data: {
          registrationTermsUpdate: {
            registration: null,
            userErrors: [
              { field: ['input', 'contactEmail'], message: 'This email is not valid', code: 'INVALID_EMAIL' },
              { field: ['input', 'totalRateBps'], message: 'The rate is locked', code: 'LOCKED' },
            ],
          },
        },
      },
    });
    fireEvent.change(await screen.findByRole('textbox', { name: /^WhatsApp/ }), { target: { value: ' ' } });
    save();
    await waitFor(() => expect(box(/^Contact email/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This email is not valid')).toBeTruthy();
    expect(screen.getByText('The rate is locked')).toBeTruthy();
    expect(box(/^Total commission/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toMatchObject({
      input: { id: 'r1', totalRateBps: 1500, sampleQuota: 3, shopAdsRateBps: null, clearShopAdsRate: false, contactEmail: 'shop@demo.test', contactWhatsapp: null, clearContactWhatsapp: true },
    });
  });
});
