// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from '../../../components/testing/renderForm';
import { ContentRecordDialog } from './ContentRecordDialog';

const target = { entryId: 'e1', title: 'Serum' };
const link = () => screen.getByRole('textbox', { name: /^Link/ }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save content' }));

afterEach(cleanup);

describe('ContentRecordDialog', () => {
  it('asks for a full https address before sending anything, and drops the error once the link is edited', async () => {
    const { sent } = renderForm(<ContentRecordDialog target={target} timeZone="Asia/Bangkok" onClose={() => {}} onRecorded={() => {}} />, {});
    await screen.findByRole('button', { name: 'Save content' });
    fireEvent.change(link(), { target: { value: 'tiktok.com/@ploy/video/1' } });
    save();
    expect(await screen.findByText('Enter a full https:// address')).toBeTruthy();
    fireEvent.change(link(), { target: { value: 'https://tiktok.com/@ploy/video/1' } });
    await waitFor(() => expect(screen.queryByText('Enter a full https:// address')).toBeNull());
    expect(sent).toHaveLength(0);
  });

  it("shows the server's error about the link at the link field", async () => {
    const onRecorded = vi.fn();
    const { sent } = renderForm(<ContentRecordDialog target={target} timeZone="Asia/Bangkok" onClose={() => {}} onRecorded={onRecorded} />, {
      ContentRecord: {
        data: { contentRecord: { content: null, userErrors: [{ field: ['input', 'url'], message: 'This content is already recorded', code: 'DUPLICATE_CONTENT' }] } },
      },
    });
    await screen.findByRole('button', { name: 'Save content' });
    fireEvent.change(link(), { target: { value: ' https://tiktok.com/@ploy/video/1 ' } });
    save();
    await waitFor(() => expect(link().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This content is already recorded')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onRecorded).not.toHaveBeenCalled();
    expect(sent[0]?.variables).toEqual({ input: { showcaseEntryId: 'e1', kind: 'VIDEO', url: 'https://tiktok.com/@ploy/video/1', postedAt: null } });
  });
});
