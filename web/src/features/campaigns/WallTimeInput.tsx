/**
 * A date-and-time field holding a wall time in the campaign market's zone ("2026-12-05T10:00"): the app's one
 * date input (a calendar in the user's language, "5 Dec 2026") beside a 24-hour time. Typing an ISO date-time into
 * the date sets both. The form says once which zone its times are in.
 */
import { Group, Input, type MantineSize } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useId, useRef, useState, type ReactNode } from 'react';
import { DateField } from '../../components/dates/DateField';
import { useT } from '../../i18n/context';

export interface WallTimeInputProps {
  label: ReactNode;
  value: string;
  onChange: (wall: string) => void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  size?: MantineSize;
}

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/;

export function WallTimeInput({ label, value, onChange, description, error, required, disabled, size }: WallTimeInputProps) {
  const t = useT();
  const parts = WALL.exec(value);
  const day = parts?.[1] ?? '';
  // A time chosen before the day is kept until the day is set.
  const [pendingTime, setPendingTime] = useState('');
  const time = parts?.[2] ?? pendingTime;
  const typedTime = useRef<string | null>(null);

  const setDay = (next: string) => {
    const at = typedTime.current ?? (time || '00:00');
    typedTime.current = null;
    onChange(next ? `${next}T${at}` : '');
  };
  const setTime = (next: string) => {
    if (!next) return; // still being typed
    const hhmm = /^\d{2}:\d{2}:00$/.test(next) ? next.slice(0, 5) : next;
    if (day) onChange(`${day}T${hhmm}`);
    else setPendingTime(hhmm);
  };

  const id = useId();
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
  // One label, description and error for both parts; the label names the date input (the time's own inputs are
  // "Hours" and "Minutes", right after it).
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} required={required} size={size}>
      <Group gap="xs" wrap="nowrap">
        <DateField
          id={id}
          aria-describedby={describedBy || undefined}
          error={Boolean(error)}
          required={required}
          disabled={disabled}
          size={size}
          value={day}
          onChange={setDay}
          onTime={(typed) => {
            typedTime.current = typed;
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <TimePicker
          format="24h"
          value={time}
          onChange={setTime}
          error={Boolean(error)}
          disabled={disabled}
          size={size}
          hoursInputLabel={t('dates.hours')}
          minutesInputLabel={t('dates.minutes')}
          w={size === 'md' ? 120 : 104}
        />
      </Group>
    </Input.Wrapper>
  );
}
