/** A creator's collaboration on a product as four steps: in the showcase, the sample, content, sales. */
import type { SampleStatus, ShowcaseStatus } from '../../generated/graphql';

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

const SHOWCASE_LABEL: Record<ShowcaseStatus, string> = {
  ACTIVE: 'In showcase',
  REPLACED: 'Replaced by another offer',
  REMOVED: 'Removed from showcase',
  ENDED: 'Collaboration ended',
};

export function collaborationSteps(c: CollaborationFacts): CollaborationStep[] {
  const showcase: CollaborationStep = c.showcaseStatus
    ? { key: 'showcase', label: SHOWCASE_LABEL[c.showcaseStatus], state: c.showcaseStatus === 'ACTIVE' ? 'done' : 'stopped' }
    : { key: 'showcase', label: 'Sold through a link', state: 'done' };

  let sample: CollaborationStep;
  switch (c.sampleStatus) {
    case null:
      sample = { key: 'sample', label: 'No sample', state: 'skipped' };
      break;
    case 'DELIVERED':
    case 'CONTENT_POSTED':
      sample = { key: 'sample', label: 'Sample delivered', state: 'done' };
      break;
    case 'REJECTED':
      sample = { key: 'sample', label: 'Sample rejected', state: 'stopped' };
      break;
    case 'OVERDUE':
      sample = { key: 'sample', label: 'Content overdue', state: 'stopped' };
      break;
    case 'REQUESTED':
      sample = { key: 'sample', label: 'Sample requested', state: 'active' };
      break;
    case 'APPROVED':
      sample = { key: 'sample', label: 'Sample approved', state: 'active' };
      break;
    default:
      sample = { key: 'sample', label: 'Sample shipped', state: 'active' };
  }

  const posts = c.videos + c.lives;
  const content: CollaborationStep =
    posts > 0
      ? { key: 'content', label: `${posts} ${posts === 1 ? 'post' : 'posts'}`, state: 'done' }
      : { key: 'content', label: 'No content yet', state: 'todo' };
  const sales: CollaborationStep =
    c.paidOrders > 0
      ? { key: 'sales', label: `${c.paidOrders} ${c.paidOrders === 1 ? 'order' : 'orders'}`, state: 'done' }
      : { key: 'sales', label: 'No sales yet', state: 'todo' };
  return [showcase, sample, content, sales];
}
