/**
 * A @mantine/form field for an input whose onChange takes the value itself and whose value is required (the
 * app's RateInput, WallTimeInput): getInputProps types both loosely.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';

export function valueProps<V extends object, K extends keyof V & string>(
  form: Pick<UseFormReturnType<V>, 'values' | 'errors' | 'setFieldValue'>,
  field: K,
): { value: V[K]; onChange: (value: V[K]) => void; error: ReactNode } {
  return {
    value: form.values[field],
    onChange: (value) => form.setFieldValue(field, value as never),
    error: form.errors[field],
  };
}
