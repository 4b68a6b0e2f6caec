/** The app's date range input: the same calendar and days as DateField, picking a first and last day. */
import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { formatDay, useDatesLocale } from './datesLocale';

export type DayRange = [string | null, string | null];

export interface DateRangeFieldProps
  extends Omit<DatePickerInputProps<'range'>, 'type' | 'value' | 'onChange' | 'locale' | 'valueFormat' | 'valueFormatter'> {
  value: DayRange;
  onChange: (range: DayRange) => void;
}

export function DateRangeField({ value, onChange, ...props }: DateRangeFieldProps) {
  const locale = useDatesLocale();
  return (
    <DatePickerInput
      type="range"
      leftSection={<IconCalendar size={16} aria-hidden />}
      allowSingleDateInRange
      {...props}
      locale={locale}
      valueFormatter={({ date }) => {
        const [first, last] = Array.isArray(date) ? date : [date, null];
        return first ? `${formatDay(String(first))} – ${last ? formatDay(String(last)) : ''}` : '';
      }}
      value={value}
      onChange={(range) => onChange([range[0] ?? null, range[1] ?? null])}
    />
  );
}
