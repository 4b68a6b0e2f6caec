// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { DuplicateCampaignDialog } from './DuplicateCampaignDialog';

const campaign = { id: 'c1', name: 'Glow Up Beauty Month', market: 'TH' as const };
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;
const PERIODS: Array<[string, string]> = [
  ['Campaign start', '2027-01-10T10:00'],
  ['Registration ends', '2027-01-20T10:00'],
  ['Campaign end', '2027-02-10T10:00'],
];

afterEach(cleanup);

describe('DuplicateCampaignDialog', () => {
  it('asks for each period before sending anything', async () => {
    const { sent } = renderForm(<DuplicateCampaignDialog campaign={campaign} onClose={() => {}} />, {});
    await screen.findByLabelText(/^Campaign start/, { selector: 'input' }, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(screen.getAllByText('Enter a date and time')).toHaveLength(3));
    for (const [label] of PERIODS) expect(field(label).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  }, 20_000);

  it("shows the server's error at the period it names, and nothing else", async () => {
    const { sent } = renderForm(<DuplicateCampaignDialog campaign={campaign} onClose={() => {}} />, {
      CampaignDuplicate: {
        data: { campaignDuplicate: { campaign: null, userErrors: [{ field: ['input', 'campaignStart'], message: 'The campaign must start in the future', code: 'INVALID_PERIOD' }] } },
      },
    });
    await screen.findByLabelText(/^Campaign start/, { selector: 'input' }, { timeout: 15_000 });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: ' Glow Up again ' } });
    for (const [label, wall] of PERIODS) act(() => void fireEvent.change(field(label), { target: { value: wall } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(field('Campaign start').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The campaign must start in the future')).toBeTruthy();
    expect(field('Campaign end').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    // Bangkok is UTC+7.
    expect(sent[0]?.variables).toMatchObject({ input: { id: 'c1', name: 'Glow Up again', campaignStart: '2027-01-10T03:00:00.000Z' } });
  }, 20_000);
});
