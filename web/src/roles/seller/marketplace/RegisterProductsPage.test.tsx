// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderForm, type Answer } from '../../../components/testing/renderForm';
import { RegisterProductsPage } from './RegisterProductsPage';

const ANSWERS: Record<string, Answer> = {
  SellerCampaign: {
    data: {
      campaign: { id: 'c1', name: 'Big sale', market: 'TH', commissionRequirementBps: 1250, registrationOpen: true, registrationEnd: '2027-01-01T00:00:00Z', status: 'ONGOING' },
    },
  },
  SellerShop: { data: { viewer: { shop: { contactEmail: '' } } } },
  SellerRegistrations: { data: { registrations: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } },
  SellerProducts: {
    data: {
      products: {
        totalCount: 1,
        edges: [{ cursor: 'a', node: { id: 'p1', title: 'Serum', category: 'BEAUTY', stock: 10, imageUrl: null, price: null } }],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  },
};
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;

async function pickSerum() {
  fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Serum' }));
  await screen.findByRole('button', { name: 'Register 1 product' });
}

afterEach(cleanup);

describe('RegisterProductsPage', () => {
  it('asks for a valid contact email once submitted, and sends nothing', async () => {
    const { sent } = renderForm(<RegisterProductsPage />, ANSWERS);
    await pickSerum();
    fireEvent.change(box(/^Contact email/), { target: { value: 'shop@' } });
    expect(screen.queryByText('Enter a valid email address')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Register 1 product' }));
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    expect(box(/^Contact email/).getAttribute('aria-invalid')).toBe('true');
    expect(sent.map((op) => op.operationName)).not.toContain('RegistrationCreate');
  });

  it("shows the server's error about the WhatsApp number at that field", async () => {
    const { sent } = renderForm(<RegisterProductsPage />, {
      ...ANSWERS,
      RegistrationCreate: {
        data: {
          registrationCreate: {
            registrations: [],
            results: [],
            userErrors: [{ field: ['input', 'contactWhatsapp'], message: 'This WhatsApp number cannot be reached', code: 'INVALID_PHONE', opensAt: null, endedAt: null }],
          },
        },
      },
    });
    await pickSerum();
    fireEvent.change(box(/^Contact email/), { target: { value: ' shop@demo.test ' } });
    fireEvent.change(box(/^WhatsApp/), { target: { value: '+66 81 234 5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register 1 product' }));
    await waitFor(() => expect(box(/^WhatsApp/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This WhatsApp number cannot be reached')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent.find((op) => op.operationName === 'RegistrationCreate')?.variables).toEqual({
      input: { campaignId: 'c1', items: [{ productId: 'p1', totalRateBps: 1250, sampleQuota: 0, shopAdsRateBps: null }], contactEmail: 'shop@demo.test', contactWhatsapp: '+66 81 234 5678' },
    });
    // Edited, the number's server error goes.
    fireEvent.change(box(/^WhatsApp/), { target: { value: '+66 81 234 5679' } });
    await waitFor(() => expect(box(/^WhatsApp/).getAttribute('aria-invalid')).not.toBe('true'));
  });
});
