/** A percent text field; the parent parses the text with checkPercent() (exact, to basis points). */
import { TextInput, type TextInputProps } from '@mantine/core';

export interface RateInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'rightSection' | 'inputMode'> {
  value: string;
  onChange: (text: string) => void;
}

export function RateInput({ value, onChange, ...props }: RateInputProps) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder="e.g. 12.5"
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={<span aria-hidden>%</span>}
      rightSectionPointerEvents="none"
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
