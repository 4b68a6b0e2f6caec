// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFieldError, renderForm } from '../../components/testing/renderForm';
import { DisputeCard, type Dispute } from './DisputeInbox';

const dispute = {
  id: 'd1',
  type: 'WRONG_COMMISSION',
  status: 'OPEN',
  outcome: null,
  claimantRole: 'CREATOR',
  claimantName: 'Ann',
  agencyName: 'Agency',
  campaignName: 'Big sale',
  openedAt: '2026-12-01T00:00:00Z',
  dueAt: '2026-12-08T00:00:00Z',
  answerWindowDays: 7,
  ageDays: 4,
  closedAt: null,
  decisionNote: null,
  orderNumber: null,
  orderDate: null,
  claimedAmount: { amount: '12.50', currency: 'THB' },
  adjustment: null,
  product: { id: 'p1', title: 'Serum' },
  messages: [{ at: '2026-12-01T00:00:00Z', body: 'The offer said 12%.', links: [], authorRole: 'CREATOR', authorName: 'Ann', authorPersonName: null }],
} as unknown as Dispute;
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const payload = (userErrors: unknown[]) => ({ dispute: { id: 'd1', status: 'OPEN' }, userErrors });

afterEach(cleanup);

describe('DisputeCard', () => {
  it("sends a reply, keeps the server's answer at it, and empties it once it went through", async () => {
    let calls = 0;
    const { sent } = renderForm(<DisputeCard dispute={dispute} role="SELLER" />, {
      DisputeReply: () => ({ data: { disputeReply: payload(++calls === 1 ? [{ field: ['input', 'body'], message: 'Write a message', code: null }] : []) } }),
    });
    fireEvent.change(await screen.findByRole('textbox', { name: /^Reply/ }), { target: { value: 'Checking.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expectFieldError(() => box(/^Reply/), 'Write a message');
    expect(box(/^Reply/).value).toBe('Checking.');
    expect(sent[0]?.variables).toEqual({ input: { id: 'd1', body: 'Checking.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(box(/^Reply/).value).toBe(''));
    expect(screen.queryByText('Write a message')).toBeNull();
    expect(screen.queryByTestId('dispute-decide')).toBeNull();
  });

  it("decides with the note and the adjustment, and shows the server's answer at the note", async () => {
    const { sent } = renderForm(<DisputeCard dispute={dispute} role="AGENCY" />, {
      DisputeDecide: { data: { disputeDecide: payload([{ field: ['input', 'note'], message: 'Tell the parties why', code: null }]) } },
    });
    expect(box(/^Adjustment \(THB\)/).value).toBe('12.50');
    fireEvent.change(box(/^Adjustment \(THB\)/), { target: { value: '10.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve for the claimant' }));
    await expectFieldError(() => box(/^Decision note/), 'Tell the parties why');
    expect(sent.find((op) => op.operationName === 'DisputeDecide')?.variables).toEqual({ input: { id: 'd1', uphold: true, note: '', amount: '10.00' } });
  });
});
