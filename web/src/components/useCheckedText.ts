/**
 * A form of one text (a reason, a quantity) on @mantine/form, checked as it is typed: the rule's error shows as soon
 * as something is typed, and for an empty text only after the first try (a dialog does not open on "required").
 */
import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';

export function useCheckedText(rule: (text: string) => string | null) {
  const [tried, setTried] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { text: '' }, validateInputOnChange: true, validate: { text: rule } });
  const text = form.values.text;
  return {
    text,
    /** The input's value, onChange and the rule's error to show now (see above). */
    inputProps: { ...form.getInputProps('text'), error: text.trim() || tried ? (form.errors.text ?? null) : null },
    /** A form's onSubmit: marks the try and, when the rule passes, hands the text on. */
    onSubmit: (handle: (text: string) => void) => (event: FormEvent<HTMLFormElement>) => {
      setTried(true);
      form.onSubmit((values) => handle(values.text))(event);
    },
    /** Back to empty and untried (when the dialog closes). */
    reset: () => {
      form.reset();
      setTried(false);
    },
  };
}
