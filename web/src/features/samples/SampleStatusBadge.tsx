import { StatusBadge } from '../../components/StatusBadge';
import type { SampleStatus } from '../../generated/graphql';
import { SAMPLE_STATUS } from './sampleStatus';

export function SampleStatusBadge({ status, size = 'sm' }: { status: SampleStatus; size?: 'sm' | 'md' | 'lg' }) {
  const meta = SAMPLE_STATUS[status];
  return <StatusBadge status={status} label={meta.label} description={meta.description} color={meta.color} filled={status === 'CONTENT_POSTED'} size={size} tt="none" testId="sample-status" />;
}
