// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { AddProductsDrawer } from './AddProductsDrawer';

const registration = (id: string, title: string) => ({
  id,
  totalRateBps: 1600,
  sampleQuota: 2,
  bookmarked: false,
  shop: { name: 'Shop' },
  product: { title, imageUrl: null, price: null },
});
const registrations = {
  data: { registrations: { totalCount: 2, edges: [{ cursor: 'a', node: registration('r1', 'Serum') }, { cursor: 'b', node: registration('r2', 'Mask') }] } },
};
const creatorRate = (title: string) => screen.getByRole('textbox', { name: `Creator rate for ${title}` }) as HTMLInputElement;
const submit = () => fireEvent.submit(screen.getByTestId('add-summary').closest('form')!);

afterEach(cleanup);

describe('AddProductsDrawer', () => {
  it('asks for the rate of each picked product once tried, and gives every pick the bulk rate', async () => {
    const { sent } = renderForm(<AddProductsDrawer opened listId="l1" campaignId="c1" listed={new Set()} itemCount={0} onClose={() => {}} onAdded={() => {}} />, {
      CampaignRegistrations: registrations,
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Add Serum' }));
    submit();
    await expectFieldError(() => creatorRate('Serum'), 'Enter a rate');
    fireEvent.change(screen.getByRole('textbox', { name: 'Rate for all selected' }), { target: { value: 'abc' } });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Rate for all selected' }).getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Rate for all selected' }), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(creatorRate('Serum').value).toBe('9'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Add Mask' }));
    await waitFor(() => expect(creatorRate('Mask').value).toBe('9'));
    expect(sent.filter((op) => op.operationName === 'ProductListItemsSet')).toHaveLength(0);
  });

  it("adds the picked products at their rates, with the server's answer at the product it names", async () => {
    const onAdded = vi.fn();
    let calls = 0;
    const { sent } = renderForm(<AddProductsDrawer opened listId="l1" campaignId="c1" listed={new Set()} itemCount={0} onClose={() => {}} onAdded={onAdded} />, {
      CampaignRegistrations: registrations,
      ProductListItemsSet: () => ({
        data: {
          productListItemsSet: {
            productList: null,
            userErrors: ++calls === 1 ? [{ field: ['input', 'set', '1', 'creatorRateBps'], message: 'Mask is not approved any more', code: null }] : [],
          },
        },
      }),
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Add Serum' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Add Mask' }));
    fireEvent.change(creatorRate('Serum'), { target: { value: '10' } });
    fireEvent.change(creatorRate('Mask'), { target: { value: '8' } });
    submit();
    await expectFieldError(() => creatorRate('Mask'), 'Mask is not approved any more');
    expect(screen.getByText('Nothing was added: fix the rates marked below.')).toBeTruthy();
    expect(creatorRate('Serum').getAttribute('aria-invalid')).not.toBe('true');
    expect(sent.find((op) => op.operationName === 'ProductListItemsSet')?.variables).toEqual({
      input: { listId: 'l1', set: [{ registrationId: 'r1', creatorRateBps: 1000 }, { registrationId: 'r2', creatorRateBps: 800 }] },
    });
    fireEvent.change(creatorRate('Mask'), { target: { value: '7' } });
    await waitFor(() => expect(screen.queryByText('Mask is not approved any more')).toBeNull());
    submit();
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(2));
  });
});
