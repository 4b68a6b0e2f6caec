/** A labelled search field with the magnifier; onChange gets the text. */
import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export function SearchInput({
  label,
  placeholder,
  value,
  onChange,
  w,
  size,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  w?: TextInputProps['w'];
  size?: 'md';
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      size={size}
      leftSection={<IconSearch size={size === 'md' ? 18 : 16} aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
    />
  );
}
