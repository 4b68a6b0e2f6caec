// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { ViewerContext } from '../../../session/context';
import type { Viewer } from '../../../session/context';
import { SampleRequestDialog } from './SampleRequestDialog';

const viewer = { user: { fullName: 'Ploy Chanida' }, organisation: { market: 'TH' } } as unknown as Viewer;
const target = { entryId: 'e1', title: 'Serum', samplesLeft: 2 };
const noSamples = { data: { sampleRequests: { edges: [] } } };
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const request = () => fireEvent.click(screen.getByRole('button', { name: 'Request sample' }));

function dialog(onRequested = () => {}) {
  return (
    <ViewerContext.Provider value={{ viewer, refetchViewer: () => {} }}>
      <SampleRequestDialog target={target} onClose={() => {}} onRequested={onRequested} />
    </ViewerContext.Provider>
  );
}

afterEach(cleanup);

describe('SampleRequestDialog', () => {
  it('asks for what the address lacks before sending anything and focuses the first such field', async () => {
    const { sent } = renderForm(dialog(), { CreatorSamples: noSamples });
    await screen.findByRole('button', { name: 'Request sample' });
    expect(box(/^Recipient/).value).toBe('Ploy Chanida');
    request();
    expect(await screen.findByText('Enter a phone number')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Phone/));
    expect(sent.map((op) => op.operationName)).not.toContain('RequestSample');
  });

  it("shows the server's error at the postal code and focuses it", async () => {
    const onRequested = vi.fn();
    const { sent } = renderForm(dialog(onRequested), {
      CreatorSamples: noSamples,
      RequestSample: {
        data: { sampleRequest: { sampleRequest: null, userErrors: [{ field: ['input', 'address', 'postalCode'], message: 'A Thai postal code has 5 digits', code: 'INVALID_POSTAL_CODE' }] } },
      },
    });
    await screen.findByRole('button', { name: 'Request sample' });
    fireEvent.change(box(/^Phone/), { target: { value: ' +66 81 234 5678 ' } });
    fireEvent.change(box(/^Street address/), { target: { value: '99 Ari Soi 4' } });
    fireEvent.change(box(/^City/), { target: { value: 'Bangkok' } });
    fireEvent.change(box(/^Postal code/), { target: { value: '1' } });
    request();
    await waitFor(() => expect(box(/^Postal code/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A Thai postal code has 5 digits')).toBeTruthy();
    expect(document.activeElement).toBe(box(/^Postal code/));
    expect(onRequested).not.toHaveBeenCalled();
    expect(sent.find((op) => op.operationName === 'RequestSample')?.variables).toMatchObject({
      input: { showcaseEntryId: 'e1', address: { recipientName: 'Ploy Chanida', phone: '+66 81 234 5678', line2: null, country: 'TH' } },
    });
  });
});
