/** The status chips of the agency's and the seller's sample screens (their value: useSampleStatusParam). */
import { Chip, Group, Text } from '@mantine/core';
import type { SampleStatus } from '../../generated/graphql';
import { SAMPLE_STATUS } from './sampleStatus';

export function SampleStatusChips({
  id,
  label,
  options,
  value,
  onChange,
  chipLabel,
}: {
  id: string;
  label: string;
  options: readonly SampleStatus[];
  value: SampleStatus[];
  onChange: (next: string[]) => void;
  /** A status's chip text, where the screen words it its own way; otherwise the status's name. */
  chipLabel: (status: SampleStatus) => string | undefined;
}) {
  return (
    <div role="group" aria-labelledby={id}>
      <Text size="sm" fw={500} id={id} mb={6}>
        {label}
      </Text>
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap={6}>
          {options.map((s) => (
            <Chip key={s} value={s} size="xs" variant="outline" color={SAMPLE_STATUS[s].color}>
              {chipLabel(s) ?? SAMPLE_STATUS[s].label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
