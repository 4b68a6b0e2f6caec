// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { RenameListDialog } from './RenameListDialog';

const list = { id: 'l1', name: 'Picks' };
const nameInput = () => screen.getByRole('textbox', { name: /^List name/ }) as HTMLInputElement;
const rename = () => fireEvent.click(screen.getByRole('button', { name: 'Rename' }));

afterEach(cleanup);

describe('RenameListDialog', () => {
  it('asks for a name before sending anything, and the error goes once it is edited', async () => {
    const { sent } = renderForm(<RenameListDialog list={list} opened onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Rename' });
    fireEvent.change(nameInput(), { target: { value: '   ' } });
    rename();
    await expectFieldError(nameInput, 'Enter a name for the list');
    fireEvent.change(nameInput(), { target: { value: 'Best' } });
    await waitFor(() => expect(screen.queryByText('Enter a name for the list')).toBeNull());
    expect(sent).toHaveLength(0);
  });

  it("sends the trimmed name and shows the server's error at the field", async () => {
    const onClose = vi.fn();
    const { sent } = renderForm(<RenameListDialog list={list} opened onClose={onClose} />, {
      ProductListUpdate: {
        data: { productListUpdate: { productList: null, userErrors: [{ field: ['input', 'name'], message: 'A list of this campaign already has this name', code: 'DUPLICATE_NAME' }] } },
      },
    });
    await screen.findByRole('button', { name: 'Rename' });
    fireEvent.change(nameInput(), { target: { value: '  Summer picks  ' } });
    rename();
    await expectFieldError(nameInput, 'A list of this campaign already has this name');
    expect(sent.find((op) => op.operationName === 'ProductListUpdate')?.variables).toEqual({ input: { id: 'l1', name: 'Summer picks' } });
    expect(onClose).not.toHaveBeenCalled();
  });
});
