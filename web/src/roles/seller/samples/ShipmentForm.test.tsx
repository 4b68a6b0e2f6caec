// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectFieldError, renderForm } from '../../../components/testing/renderForm';
import { ShipmentForm, type SellerSample } from './ShipmentForm';

const approved = { id: 's1', status: 'APPROVED', carrier: null, trackingNumber: null, shipments: [] } as unknown as SellerSample;
const shipped = { ...approved, status: 'SHIPPED', carrier: 'Kerry', trackingNumber: 'KE123' } as unknown as SellerSample;
const box = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const answer = (userErrors: unknown[]) => ({ data: { sampleShipmentUpdate: { sampleRequest: null, userErrors } } });

afterEach(cleanup);

describe('ShipmentForm', () => {
  it('asks for the carrier and the tracking number of a shipment before sending anything', async () => {
    const { sent } = renderForm(<ShipmentForm row={approved} timeZone="UTC" onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save' });
    save();
    expect(await screen.findByText('Enter the carrier')).toBeTruthy();
    expect(screen.getByText('Enter the tracking number')).toBeTruthy();
    expect(box(/^Carrier/).getAttribute('aria-invalid')).toBe('true');
    expect(box(/^Tracking number/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it('asks what happened when there is a choice', async () => {
    const { sent } = renderForm(<ShipmentForm row={shipped} timeZone="UTC" onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save' });
    save();
    expect(await screen.findByText('Choose what happened')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it("sends the trimmed shipment, shows the server's error at its field, and closes once it goes through", async () => {
    const onClose = vi.fn();
    let calls = 0;
    const { sent } = renderForm(<ShipmentForm row={approved} timeZone="UTC" onClose={onClose} />, {
      SampleShipmentUpdate: () => (++calls === 1 ? answer([{ field: ['input', 'trackingNumber'], message: 'Tracking number already used', code: null }]) : answer([])),
    });
    await screen.findByRole('button', { name: 'Save' });
    fireEvent.change(box(/^Carrier/), { target: { value: ' Kerry ' } });
    fireEvent.change(box(/^Tracking number/), { target: { value: ' KE123 ' } });
    fireEvent.change(box(/^Note/), { target: { value: '  Fragile  ' } });
    save();
    await expectFieldError(() => box(/^Tracking number/), 'Tracking number already used');
    expect(onClose).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toEqual({ input: { id: 's1', status: 'SHIPPED', carrier: 'Kerry', trackingNumber: 'KE123', note: 'Fragile' } });
    save();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
