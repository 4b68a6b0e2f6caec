/**
 * A date-and-time field holding a wall time in the campaign market's zone (a native datetime-local: keyboard
 * friendly, a picker on phones). The form says once which zone its times are in.
 */
import { TextInput, type TextInputProps } from '@mantine/core';

export interface WallTimeInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  value: string;
  onChange: (wall: string) => void;
}

export function WallTimeInput({ value, onChange, ...props }: WallTimeInputProps) {
  return <TextInput type="datetime-local" {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}
