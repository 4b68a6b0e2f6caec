/** The app's date range input: the same calendar and "5 Dec 2026" days as DateField, picking a first and last day. */
import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { DAY_FORMAT, useDatesLocale } from './datesLocale';

export type DayRange = [string | null, string | null];

export interface DateRangeFieldProps
  extends Omit<DatePickerInputProps<'range'>, 'type' | 'value' | 'onChange' | 'locale' | 'valueFormat'> {
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
      valueFormat={DAY_FORMAT}
      value={value}
      onChange={(range) => onChange([range[0] ?? null, range[1] ?? null])}
    />
  );
}
