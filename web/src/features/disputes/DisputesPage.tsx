/** The route of every role's dispute inbox. */
import { DisputeInbox } from './DisputeInbox';

export function DisputesPage() {
  return <DisputeInbox />;
}
