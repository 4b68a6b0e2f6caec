// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { endedPeriods } from '../../../features/finance/financeStatus';
import { GenerateBills } from './BillsAndPayouts';

const month = () => screen.getByRole('combobox', { name: 'Month' }) as HTMLInputElement;
const issue = () => fireEvent.click(screen.getByRole('button', { name: 'Issue bills' }));
const answer = (userErrors: unknown[]) => ({ data: { billsGenerate: { bills: [], userErrors } } });

afterEach(cleanup);

describe('GenerateBills', () => {
  it("issues the last ended month's bills, with the server's answer at the month until the next try", async () => {
    const onIssued = vi.fn();
    let calls = 0;
    const { sent } = renderForm(<GenerateBills onIssued={onIssued} />, {
      BillsGenerate: () => (++calls === 1 ? answer([{ field: ['input', 'period'], message: 'That month has not ended', code: null }]) : answer([])),
    });
    await screen.findByRole('button', { name: 'Issue bills' });
    issue();
    await expectFieldError(month, 'That month has not ended');
    expect(sent[0]?.variables).toEqual({ input: { period: endedPeriods(new Date(), 12)[0] } });
    expect(onIssued).not.toHaveBeenCalled();
    issue();
    expect(await screen.findByTestId('bills-generated')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('That month has not ended')).toBeNull());
    expect(onIssued).toHaveBeenCalledTimes(1);
  });
});
