// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { TaxRejectDialog } from './TaxRejectDialog';

const reason = () => screen.getByRole('textbox', { name: /^Reason/ }) as HTMLTextAreaElement;
const reject = () => fireEvent.click(screen.getByRole('button', { name: 'Reject' }));

afterEach(cleanup);

describe('TaxRejectDialog', () => {
  it('asks what to correct before rejecting, and the error goes once the reason is edited', async () => {
    const onReject = vi.fn(async () => null);
    renderForm(<TaxRejectDialog account={{ payeeName: 'Ann' }} busy={false} onReject={onReject} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Reject' });
    reject();
    await expectFieldError(reason, 'Tell the payee what to correct');
    fireEvent.change(reason(), { target: { value: 'T' } });
    await waitFor(() => expect(screen.queryByText('Tell the payee what to correct')).toBeNull());
    expect(onReject).not.toHaveBeenCalled();
  });

  it("rejects with the trimmed reason, keeps the server's answer at the field, and empties the field once it went through", async () => {
    const onReject = vi.fn<(reason: string) => Promise<string | null>>().mockResolvedValueOnce('The tax ID is valid').mockResolvedValueOnce(null);
    renderForm(<TaxRejectDialog account={{ payeeName: 'Ann' }} busy={false} onReject={onReject} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Reject' });
    fireEvent.change(reason(), { target: { value: '  The name does not match.  ' } });
    reject();
    expect(await screen.findByText('The tax ID is valid')).toBeTruthy();
    expect(onReject).toHaveBeenCalledWith('The name does not match.');
    expect(reason().value).toBe('  The name does not match.  ');
    reject();
    await waitFor(() => expect(reason().value).toBe(''));
    expect(onReject).toHaveBeenCalledTimes(2);
  });
});
