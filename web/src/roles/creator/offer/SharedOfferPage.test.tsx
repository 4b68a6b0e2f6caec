// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { SharedOfferPage } from './SharedOfferPage';

const item = (id: string, title: string) => ({
  id,
  creatorRateBps: 1000,
  sampleAvailable: false,
  samplesLeft: 0,
  campaignEnd: '2027-01-31',
  inShowcase: false,
  stock: 5,
  price: { amount: '100.00', currency: 'THB' },
  product: { id: `p-${id}`, title, category: null, imageUrl: null, shopName: 'Shop' },
  lowerRateNotice: null,
});
const offer = {
  data: {
    shareLink: {
      token: 'AbCdEfGhIjKlMnOp00',
      agencyName: 'Agency',
      campaignName: 'Big sale',
      campaignEnd: '2027-01-31',
      market: 'TH',
      currency: 'THB',
      items: [item('i1', 'Serum'), item('i2', 'Mask')],
    },
  },
};
const terms = () => screen.getByRole('checkbox', { name: /^I accept the terms of this offer/ }) as HTMLInputElement;

afterEach(cleanup);

describe('SharedOfferPage', () => {
  it('asks to accept the terms before adding, then adds the products still ticked', async () => {
    const { sent } = renderForm(<SharedOfferPage />, {
      SharedOffer: offer,
      ShowcaseAdd: { data: { showcaseAdd: { entries: [{ id: 'e1', status: 'ACTIVE', creatorRateBps: 1000, product: { id: 'p-i2' } }], replaced: [], userErrors: [] } } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add all 2 products' }));
    await expectFieldError(terms, 'Accept the terms to add products');
    expect(sent.filter((op) => op.operationName === 'ShowcaseAdd')).toHaveLength(0);
    fireEvent.click(terms());
    await waitFor(() => expect(screen.queryByText('Accept the terms to add products')).toBeNull());
    fireEvent.click(screen.getByRole('checkbox', { name: /Serum/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add 1 product' }));
    expect(await screen.findByTestId('offer-added')).toBeTruthy();
    expect(sent.find((op) => op.operationName === 'ShowcaseAdd')?.variables).toEqual({
      input: { token: '', acceptTerms: true, itemIds: ['i2'], choices: [] },
    });
  });
});
