// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { CancellationRequestDialog } from './CancellationRequestDialog';

const reason = () => screen.getByRole('textbox', { name: /^Reason/ }) as HTMLTextAreaElement;
const send = () => fireEvent.submit(screen.getByRole('button', { name: 'Send request' }).closest('form')!);

afterEach(cleanup);

describe('CancellationRequestDialog', () => {
  it('asks why only after a try, says at once when the reason is too long, and sends it trimmed', async () => {
    const onSend = vi.fn();
    renderForm(<CancellationRequestDialog title="Serum" busy={false} serverError={null} onSend={onSend} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Send request' });
    expect(screen.queryByText('Say why you want to cancel')).toBeNull();
    send();
    await expectFieldError(reason, 'Say why you want to cancel');
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.change(reason(), { target: { value: 'x'.repeat(501) } });
    expect(await screen.findByText('At most 500 characters')).toBeTruthy();
    send();
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.change(reason(), { target: { value: '  The shop closes.  ' } });
    expect(screen.queryByText('At most 500 characters')).toBeNull();
    send();
    expect(onSend).toHaveBeenCalledWith('The shop closes.');
  });

  it("shows the server's answer at the field", async () => {
    renderForm(<CancellationRequestDialog title="Serum" busy={false} serverError="Only an ongoing registration can be cancelled" onSend={() => {}} onClose={() => {}} />, {});
    await expectFieldError(reason, 'Only an ongoing registration can be cancelled');
  });
});
