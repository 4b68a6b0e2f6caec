/** A percent text field; the parent parses the text with checkPercent() (exact, to basis points). */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useT } from '../../i18n/context';

export interface RateInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'rightSection' | 'inputMode'> {
  value: string;
  onChange: (text: string) => void;
}

export function RateInput({ value, onChange, ...props }: RateInputProps) {
  const t = useT();
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder={t('campaigns.percent.placeholder')}
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={<span aria-hidden>%</span>}
      rightSectionPointerEvents="none"
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
