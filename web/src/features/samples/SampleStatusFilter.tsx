/** The status chips of the agency's and the seller's sample screens (their value: useSampleStatusParam). */
import { Text } from '@mantine/core';
import { StatusChips } from '../../components/StatusChips';
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
  onChange: (next: SampleStatus[]) => void;
  /** A status's chip text, where the screen words it its own way; otherwise the status's name. */
  chipLabel: (status: SampleStatus) => string | undefined;
}) {
  return (
    <StatusChips
      labelledBy={id}
      heading={
        <Text size="sm" fw={500} id={id} mb={6}>
          {label}
        </Text>
      }
      options={options}
      value={value}
      onChange={onChange}
      meta={(s) => ({ color: SAMPLE_STATUS[s].color, text: chipLabel(s) ?? SAMPLE_STATUS[s].label })}
    />
  );
}
