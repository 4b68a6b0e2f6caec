// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { CancellationDecideDialog } from './CancellationDecideDialog';

const history = {
  data: { node: { __typename: 'Registration', id: 'r1', history: [{ toStatus: 'PENDING_CLOSED', reason: 'The shop closes.', actorName: 'Ann' }] } },
};
const note = () => screen.getByRole('textbox', { name: /^Note to the seller/ }) as HTMLTextAreaElement;

afterEach(cleanup);

describe('CancellationDecideDialog', () => {
  it("shows the seller's reason, refuses a note that is too long, and decides with the trimmed note", async () => {
    const onDecide = vi.fn();
    renderForm(<CancellationDecideDialog registrationId="r1" productTitle="Serum" busy={false} onDecide={onDecide} onClose={() => {}} />, { RegistrationHistory: history });
    expect(await screen.findByText('The shop closes.')).toBeTruthy();
    fireEvent.change(note(), { target: { value: 'x'.repeat(501) } });
    await expectFieldError(note, 'At most 500 characters');
    fireEvent.click(screen.getByRole('button', { name: 'Approve cancellation' }));
    expect(onDecide).not.toHaveBeenCalled();
    fireEvent.change(note(), { target: { value: '  Agreed.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline, keep it ongoing' }));
    expect(onDecide).toHaveBeenCalledWith(false, 'Agreed.');
  });
});
