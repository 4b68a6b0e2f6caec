/**
 * The one date input of the app: a calendar in the user's language and a day that reads as every date the app
 * shows ("Dec 5, 2026"); typing a day works too (as shown, or ISO "2026-12-05").
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { formatDay, parseDay, useDatesLocale } from './datesLocale';

export interface DateFieldProps
  extends Omit<DateInputProps, 'value' | 'onChange' | 'locale' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'> {
  /** "YYYY-MM-DD", or '' for none. */
  value: string;
  onChange: (day: string) => void;
  /** Typed time of an ISO date-time ("2026-12-05T10:00"): the wall-time input keeps it. */
  onTime?: (time: string) => void;
  minDate?: string;
  maxDate?: string;
}

export function DateField({ value, onChange, onTime, minDate, maxDate, ...props }: DateFieldProps) {
  const locale = useDatesLocale();
  return (
    <DateInput
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable={!props.required}
      fixOnBlur
      {...props}
      locale={locale}
      valueFormat={formatDay}
      dateParser={(text) => parseDay(text, locale, onTime)}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      minDate={minDate}
      maxDate={maxDate}
      popoverProps={{ withinPortal: true, ...props.popoverProps }}
    />
  );
}
