// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { CreateKeyDialog } from './CreateKeyDialog';

const nameBox = () => screen.getByRole('textbox', { name: /^Key name/ }) as HTMLInputElement;
const create = () => fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

afterEach(cleanup);

describe('CreateKeyDialog', () => {
  it('asks for a name before sending anything, then checks it again as it is typed', async () => {
    const { sent } = renderForm(<CreateKeyDialog opened onClose={() => {}} onCreated={() => {}} />, {});
    await screen.findByRole('button', { name: 'Create key' });
    create();
    expect(await screen.findByText('Name the key after what will use it')).toBeTruthy();
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(nameBox(), { target: { value: 'x'.repeat(200) } });
    expect(await screen.findByText(/200/)).toBeTruthy();
    fireEvent.change(nameBox(), { target: { value: 'Shop sync' } });
    await waitFor(() => expect(nameBox().getAttribute('aria-invalid')).not.toBe('true'));
    expect(sent).toHaveLength(0);
  });

  it("shows the server's error about the name at the name field", async () => {
    const onCreated = vi.fn();
    const { sent } = renderForm(<CreateKeyDialog opened onClose={() => {}} onCreated={onCreated} />, {
      IntegrationKeyCreate: {
        data: {
          integrationKeyCreate: {
            integrationKey: null,
            apiKey: null,
            signingSecret: null,
            userErrors: [{ field: ['input', 'name'], message: 'A key with this name exists', code: 'NAME_TAKEN' }],
          },
        },
      },
    });
    await screen.findByRole('button', { name: 'Create key' });
    fireEvent.change(nameBox(), { target: { value: ' Shop sync ' } });
    create();
    await waitFor(() => expect(nameBox().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A key with this name exists')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toEqual({ input: { name: 'Shop sync' } });
  });
});
