/** A multiple-choice filter over statuses: one outlined chip a status, in the status's colour. */
import { Chip, Group, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatusChips<S extends string>({
  options,
  value,
  onChange,
  meta,
  size = 'xs',
  label,
  labelledBy,
  heading,
}: {
  options: readonly S[];
  value: S[];
  onChange: (next: S[]) => void;
  /** A status's colour and chip text. */
  meta: (status: S) => { color: string; text: ReactNode };
  size?: MantineSize;
  /** The group's accessible name, or the id of the element that names it. */
  label?: string;
  labelledBy?: string;
  /** Shown above the chips, inside the group (a visible name, with the id `labelledBy` gives). */
  heading?: ReactNode;
}) {
  return (
    <div role="group" aria-label={label} aria-labelledby={labelledBy}>
      {heading}
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as S[])}>
        <Group gap={6}>
          {options.map((s) => {
            const { color, text } = meta(s);
            return (
              <Chip key={s} value={s} size={size} variant="outline" color={color}>
                {text}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
    </div>
  );
}
