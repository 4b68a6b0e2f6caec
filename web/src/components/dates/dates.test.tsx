// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WallTimeInput } from '../../features/campaigns/WallTimeInput';
import { I18nProvider } from '../../i18n/I18nProvider';
import type { LocaleCode } from '../../i18n/locales';
import { DateField } from './DateField';
import { parseDay } from './datesLocale';

afterEach(cleanup);

describe('parseDay', () => {
  it('reads an ISO day, and hands over the time of an ISO date-time', () => {
    const onTime = vi.fn();
    expect(parseDay('2026-12-05', 'en', onTime)).toBe('2026-12-05');
    expect(onTime).not.toHaveBeenCalled();
    expect(parseDay('2026-12-05T10:30', 'en', onTime)).toBe('2026-12-05');
    expect(onTime).toHaveBeenLastCalledWith('10:30');
    // seconds kept: a start a minute from now must not fall into the past
    expect(parseDay('2026-12-05T10:30:15', 'en', onTime)).toBe('2026-12-05');
    expect(onTime).toHaveBeenLastCalledWith('10:30:15');
  });

  it('reads a day as the input shows it, and refuses what is not a day', () => {
    expect(parseDay('5 Dec 2026', 'en')).toBe('2026-12-05');
    expect(parseDay('Dec 5, 2026', 'en')).toBe('2026-12-05');
    expect(parseDay('2026-02-30', 'en')).toBeNull();
    expect(parseDay('next tuesday', 'en')).toBeNull();
    expect(parseDay('', 'en')).toBeNull();
  });
});

function Harness({ initial, locale = 'en', onWall }: { initial: string; locale?: LocaleCode; onWall: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider>
      <I18nProvider locale={locale}>
        <WallTimeInput
          label="Campaign start"
          value={value}
          onChange={(v) => {
            setValue(v);
            onWall(v);
          }}
        />
        <DateField label="Order date" value="2026-12-05" onChange={() => {}} />
      </I18nProvider>
    </MantineProvider>
  );
}

describe('the date inputs', () => {
  it('show a day as every date of the app reads ("Dec 5, 2026"), not the browser’s numeric format', async () => {
    render(<Harness initial="2026-12-05T10:00" onWall={() => {}} />);
    expect(((await screen.findByLabelText('Order date', undefined, { timeout: 5000 })) as HTMLInputElement).value).toBe('Dec 5, 2026');
    expect((screen.getByLabelText('Campaign start') as HTMLInputElement).value).toBe('Dec 5, 2026');
  });

  it('set day and time from one typed ISO date-time, and keep the time when the day changes', async () => {
    const onWall = vi.fn();
    render(<Harness initial="" onWall={onWall} />);
    const start = await screen.findByLabelText('Campaign start', undefined, { timeout: 5000 });
    act(() => {
      fireEvent.change(start, { target: { value: '2026-12-24T18:45:30' } });
    });
    expect(onWall).toHaveBeenLastCalledWith('2026-12-24T18:45:30');
    act(() => {
      fireEvent.change(start, { target: { value: '2026-12-26' } });
    });
    expect(onWall).toHaveBeenLastCalledWith('2026-12-26T18:45:30');
  });

  it('read in the user’s language, as its other dates do', async () => {
    render(<Harness initial="2026-12-05T10:00" locale="th" onWall={() => {}} />);
    const expected = new Intl.DateTimeFormat('th-TH', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
      new Date('2026-12-05T00:00:00Z'),
    );
    await waitFor(() => expect((screen.getAllByRole('textbox')[0] as HTMLInputElement).value).toBe(expected));
  });
});
