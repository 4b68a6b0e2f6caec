// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { SampleQuotaDialog } from './SampleQuotaDialog';

const target = { title: 'Serum', current: 3 };
const quota = () => screen.getByRole('textbox', { name: /^New sample quota/ }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save quota' }));

afterEach(cleanup);

describe('SampleQuotaDialog', () => {
  it('asks for more than the current quota as it is typed, and saves a whole number above it', async () => {
    const onSave = vi.fn();
    renderForm(<SampleQuotaDialog target={target} busy={false} serverError={null} onSave={onSave} onClose={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save quota' });
    expect(quota().getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.change(quota(), { target: { value: '2.5' } });
    expect(await screen.findByText('Enter a whole number')).toBeTruthy();
    fireEvent.change(quota(), { target: { value: '3' } });
    expect(await screen.findByText('Must be more than 3')).toBeTruthy();
    save();
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(quota(), { target: { value: '5' } });
    save();
    expect(onSave).toHaveBeenCalledWith(5);
  });

  it("shows the server's answer at the field", async () => {
    renderForm(<SampleQuotaDialog target={target} busy={false} serverError="The quota can only go up" onSave={() => {}} onClose={() => {}} />, {});
    expect(await screen.findByText('The quota can only go up')).toBeTruthy();
    expect(quota().getAttribute('aria-invalid')).toBe('true');
  });
});
