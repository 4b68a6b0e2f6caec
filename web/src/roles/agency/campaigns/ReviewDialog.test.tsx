// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { ReviewDialog } from './ReviewDialog';

const reason = () => screen.getByRole('combobox', { name: /^Reason/ }) as HTMLInputElement;
const note = () => screen.getByRole('textbox', { name: /^Note to the seller/ }) as HTMLTextAreaElement;
const reject = () => fireEvent.submit(screen.getByRole('button', { name: 'Reject' }).closest('form')!);

afterEach(cleanup);

describe('ReviewDialog', () => {
  it('asks for a reason after a try, says at once when the note is too long, and confirms the reason and trimmed note', async () => {
    const onConfirm = vi.fn();
    renderForm(<ReviewDialog decision="REJECT" subject="2 registrations" busy={false} onConfirm={onConfirm} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Reject' });
    expect(screen.queryByText('Choose why you reject')).toBeNull();
    reject();
    await expectFieldError(reason, 'Choose why you reject');
    fireEvent.change(note(), { target: { value: 'x'.repeat(501) } });
    expect(await screen.findByText('At most 500 characters (501 now)')).toBeTruthy();
    fireEvent.click(reason());
    fireEvent.click(await screen.findByRole('option', { name: 'Commission too low', hidden: true }));
    await waitFor(() => expect(screen.queryByText('Choose why you reject')).toBeNull());
    reject();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(note(), { target: { value: '  At least 15 %.  ' } });
    reject();
    expect(onConfirm).toHaveBeenCalledWith('COMMISSION_TOO_LOW', 'At least 15 %.');
  });
});
