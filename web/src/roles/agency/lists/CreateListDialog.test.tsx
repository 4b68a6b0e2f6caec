// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { CreateListDialog } from './CreateListDialog';

const campaigns = {
  data: { campaigns: { totalCount: 1, edges: [{ cursor: 'a', node: { id: 'c1', name: 'Big sale', market: 'TH', status: 'ONGOING' } }] } },
};
const nameInput = () => screen.getByRole('textbox', { name: /^List name/ }) as HTMLInputElement;

afterEach(cleanup);

describe('CreateListDialog', () => {
  it('asks for a name and for a campaign before sending anything', async () => {
    const { sent } = renderForm(<CreateListDialog opened campaignId={null} onClose={() => {}} />, { AgencyCampaigns: campaigns });
    fireEvent.click(await screen.findByRole('button', { name: 'Create list' }));
    expect(await screen.findByText('Enter a name for the list')).toBeTruthy();
    expect(screen.getByText('Choose the campaign the list belongs to')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(sent.filter((op) => op.operationName === 'ProductListCreate')).toHaveLength(0);
  });

  it("shows the server's error about the name at the name field", async () => {
    const { sent } = renderForm(<CreateListDialog opened campaignId="c1" onClose={() => {}} />, {
      AgencyCampaigns: campaigns,
      ProductListCreate: {
        data: { productListCreate: { productList: null, userErrors: [{ field: ['input', 'name'], message: 'A list of this campaign already has this name', code: 'DUPLICATE_NAME' }] } },
      },
    });
    await waitFor(() => expect(sent.map((op) => op.operationName)).toContain('AgencyCampaigns'));
    await screen.findByDisplayValue(/Big sale/);
    fireEvent.change(nameInput(), { target: { value: '  Picks  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create list' }));
    await waitFor(() => expect(nameInput().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A list of this campaign already has this name')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent.find((op) => op.operationName === 'ProductListCreate')?.variables).toEqual({ input: { campaignId: 'c1', name: 'Picks', items: [] } });
  });
});
