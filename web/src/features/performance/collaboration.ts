/** A creator's collaboration on a product as four steps: in the showcase, the sample, content, sales. */
import type { SampleStatus, ShowcaseStatus } from '../../generated/graphql';
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';

export type StepState = 'done' | 'active' | 'todo' | 'stopped' | 'skipped';

export interface CollaborationStep {
  key: 'showcase' | 'sample' | 'content' | 'sales';
  label: string;
  state: StepState;
}

export interface CollaborationFacts {
  since: string | null;
  showcaseStatus: ShowcaseStatus | null;
  sampleStatus: SampleStatus | null;
  videos: number;
  lives: number;
  paidOrders: number;
}

const SHOWCASE_LABEL: Record<ShowcaseStatus, MessageKey> = {
  ACTIVE: 'insight.collab.inShowcase',
  REPLACED: 'insight.collab.replaced',
  REMOVED: 'insight.collab.removed',
  ENDED: 'insight.collab.ended',
};

/** The steps, with their labels in the language of `t`. */
export function collaborationSteps(t: Translate, c: CollaborationFacts): CollaborationStep[] {
  const showcase: CollaborationStep = c.showcaseStatus
    ? { key: 'showcase', label: t(SHOWCASE_LABEL[c.showcaseStatus]), state: c.showcaseStatus === 'ACTIVE' ? 'done' : 'stopped' }
    : { key: 'showcase', label: t('insight.collab.linkOnly'), state: 'done' };

  let sample: CollaborationStep;
  switch (c.sampleStatus) {
    case null:
      sample = { key: 'sample', label: t('insight.collab.noSample'), state: 'skipped' };
      break;
    case 'DELIVERED':
    case 'CONTENT_POSTED':
      sample = { key: 'sample', label: t('insight.collab.sampleDelivered'), state: 'done' };
      break;
    case 'REJECTED':
      sample = { key: 'sample', label: t('insight.collab.sampleRejected'), state: 'stopped' };
      break;
    case 'OVERDUE':
      sample = { key: 'sample', label: t('insight.collab.contentOverdue'), state: 'stopped' };
      break;
    case 'REQUESTED':
      sample = { key: 'sample', label: t('insight.collab.sampleRequested'), state: 'active' };
      break;
    case 'APPROVED':
      sample = { key: 'sample', label: t('insight.collab.sampleApproved'), state: 'active' };
      break;
    default:
      sample = { key: 'sample', label: t('insight.collab.sampleShipped'), state: 'active' };
  }

  const posts = c.videos + c.lives;
  const content: CollaborationStep =
    posts > 0
      ? { key: 'content', label: t('insight.collab.posts', { count: posts }), state: 'done' }
      : { key: 'content', label: t('insight.collab.noContent'), state: 'todo' };
  const sales: CollaborationStep =
    c.paidOrders > 0
      ? { key: 'sales', label: t('insight.collab.orders', { count: c.paidOrders }), state: 'done' }
      : { key: 'sales', label: t('insight.collab.noSales'), state: 'todo' };
  return [showcase, sample, content, sales];
}
