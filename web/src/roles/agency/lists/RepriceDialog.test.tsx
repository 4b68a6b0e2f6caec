// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { RepriceDialog } from './RepriceDialog';

type Item = NonNullable<Parameters<typeof RepriceDialog>[0]['item']>;
const item = {
  id: 'i1',
  creatorRateBps: 1000,
  totalRateBps: 1600,
  creatorCount: 0,
  product: { title: 'Serum', price: null },
  registration: { id: 'r1' },
} as unknown as Item;
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', { name: 'Save rate' }) as HTMLButtonElement;

afterEach(cleanup);

describe('RepriceDialog', () => {
  it("keeps a creator rate above the seller's total from being saved, with the rule at the field", async () => {
    const { sent } = renderForm(<RepriceDialog listId="l1" item={item} timeZone="UTC" onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save rate' });
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(box(/^Creator rate/), { target: { value: '20' } });
    await expectFieldError(() => box(/^Creator rate/), "At most the seller's total of 16%");
    expect(saveButton().disabled).toBe(true);
    expect(sent.filter((op) => op.operationName === 'ProductListItemsSet')).toHaveLength(0);
  });

  it("sends the new creator rate, shows the server's answer at the field, and closes once it goes through", async () => {
    const onClose = vi.fn();
    let calls = 0;
    const { sent } = renderForm(<RepriceDialog listId="l1" item={item} timeZone="UTC" onClose={onClose} />, {
      ProductListItemsSet: () => ({
        data: {
          productListItemsSet: {
            productList: null,
            userErrors: ++calls === 1 ? [{ field: ['input', 'set', '0', 'creatorRateBps'], message: 'The rate is locked for now', code: null }] : [],
          },
        },
      }),
    });
    await screen.findByRole('button', { name: 'Save rate' });
    fireEvent.change(box(/^Agency share/), { target: { value: '7' } });
    expect(box(/^Creator rate/).value).toBe('9');
    fireEvent.click(saveButton());
    await expectFieldError(() => box(/^Creator rate/), 'The rate is locked for now');
    const set = sent.find((op) => op.operationName === 'ProductListItemsSet');
    expect(set?.variables).toEqual({ input: { listId: 'l1', set: [{ registrationId: 'r1', creatorRateBps: 900 }] } });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.change(box(/^Agency share/), { target: { value: '5' } });
    await waitFor(() => expect(screen.queryByText('The rate is locked for now')).toBeNull());
    fireEvent.click(saveButton());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
