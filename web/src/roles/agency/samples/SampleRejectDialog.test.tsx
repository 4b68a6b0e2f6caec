// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import type { AgencySampleRow } from './AgencySampleRow';
import { SampleRejectDialog } from './SampleRejectDialog';

const row = { id: 's1', product: { title: 'Serum' }, creator: { displayName: 'Ann' } } as unknown as AgencySampleRow;
const reason = () => screen.getByRole('textbox', { name: /^Reason/ }) as HTMLTextAreaElement;
const reject = () => fireEvent.click(screen.getByRole('button', { name: 'Reject' }));

afterEach(cleanup);

describe('SampleRejectDialog', () => {
  it('asks why only after a try, says at once when the reason is too long, and rejects with it trimmed', async () => {
    const onConfirm = vi.fn();
    renderForm(<SampleRejectDialog row={row} busy={false} onConfirm={onConfirm} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Reject' });
    fireEvent.change(reason(), { target: { value: '   ' } });
    expect(screen.queryByText('Tell the creator why')).toBeNull();
    reject();
    await expectFieldError(reason, 'Tell the creator why');
    fireEvent.change(reason(), { target: { value: 'x'.repeat(501) } });
    expect(await screen.findByText('At most 500 characters (501 now)')).toBeTruthy();
    reject();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(reason(), { target: { value: '  Out of stock.  ' } });
    await waitFor(() => expect(reason().getAttribute('aria-invalid')).not.toBe('true'));
    reject();
    expect(onConfirm).toHaveBeenCalledWith('Out of stock.');
  });

  it('starts over, untried, once closed', async () => {
    const onClose = vi.fn();
    renderForm(<SampleRejectDialog row={row} busy={false} onConfirm={() => {}} onClose={onClose} />, {});
    await screen.findByRole('button', { name: 'Reject' });
    reject();
    expect(await screen.findByText('Tell the creator why')).toBeTruthy();
    fireEvent.change(reason(), { target: { value: 'Late' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(reason().value).toBe(''));
    expect(screen.queryByText('Tell the creator why')).toBeNull();
  });
});
