// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { MarketsServedDialog } from './MarketsServedDialog';

const box = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const save = () => screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
const inUse = {
  data: {
    agencyMarketsSet: {
      agency: null,
      userErrors: [{ field: ['input', 'markets'], message: 'Thailand still has an open campaign: Big sale.', code: 'MARKET_IN_USE' }],
    },
  },
};

afterEach(cleanup);

describe('MarketsServedDialog', () => {
  it('asks for at least one market as soon as none is chosen', async () => {
    const { sent } = renderForm(<MarketsServedDialog current={['TH']} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save' });
    expect(screen.queryByText('Choose at least one market.')).toBeNull();
    fireEvent.click(box(/\(TH\)/));
    expect(await screen.findByText('Choose at least one market.')).toBeTruthy();
    expect(save().disabled).toBe(true);
    fireEvent.click(box(/\(VN\)/));
    await waitFor(() => expect(screen.queryByText('Choose at least one market.')).toBeNull());
    expect(save().disabled).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it("sends the chosen markets and keeps the choice with the server's refusal in the alert", async () => {
    const onClose = vi.fn();
    const { sent } = renderForm(<MarketsServedDialog current={['TH']} onClose={onClose} />, { AgencyMarketsSet: inUse });
    await screen.findByRole('button', { name: 'Save' });
    fireEvent.click(box(/\(VN\)/));
    fireEvent.click(box(/\(TH\)/));
    fireEvent.click(save());
    expect((await screen.findByTestId('markets-error')).textContent).toBe('Thailand still has an open campaign: Big sale.');
    expect(sent.find((op) => op.operationName === 'AgencyMarketsSet')?.variables).toEqual({ input: { markets: ['VN'] } });
    expect(box(/\(VN\)/).checked).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });
});
