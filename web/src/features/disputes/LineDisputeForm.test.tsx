// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFieldError, renderForm } from '../../components/testing/renderForm';
import { LineDisputeForm } from './LineDisputeForm';

const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const answer = (userErrors: unknown[]) => ({ data: { disputeOpen: { dispute: userErrors.length ? null : { id: 'd1', status: 'OPEN' }, userErrors } } });
const refused = answer([
  { field: ['input', 'message', 'body'], message: 'Write a message', code: null },
  { field: ['input', 'claimedAmount'], message: 'Enter an amount like 12.50', code: null },
  { field: ['input', 'subjectId'], message: 'A dispute about this is already open', code: null },
]);

afterEach(cleanup);

describe('LineDisputeForm', () => {
  it("sends the dispute and shows the server's errors at their fields (the rest at the reason), then says it is open", async () => {
    let calls = 0;
    const { sent } = renderForm(<LineDisputeForm lineId="line1" currency="THB" inboxHref="/creator/disputes" />, {
      DisputeOpen: () => (++calls === 1 ? refused : answer([])),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Question this commission' }));
    fireEvent.change(box(/^Amount you ask for/), { target: { value: ' 12,5 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    await expectFieldError(() => box(/^Tell the agency why/), 'Write a message');
    expect(box(/^Amount you ask for/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter an amount like 12.50')).toBeTruthy();
    expect(sent[0]?.variables).toEqual({ input: { type: 'WRONG_COMMISSION', subjectId: 'line1', message: { body: '' }, claimedAmount: '12,5' } });
    fireEvent.change(box(/^Tell the agency why/), { target: { value: 'The offer said 12%.' } });
    fireEvent.change(box(/^Amount you ask for/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    expect(await screen.findByTestId('dispute-opened')).toBeTruthy();
    await waitFor(() => expect(sent[1]?.variables).toEqual({ input: { type: 'WRONG_COMMISSION', subjectId: 'line1', message: { body: 'The offer said 12%.' } } }));
  });
});
