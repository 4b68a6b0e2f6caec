/** The markets the viewer's agency serves (for the market filter and the create form). */
import { useQuery } from 'urql';
import { AgencyHomeDocument, type Market } from '../../../generated/graphql';

export function useAgencyMarkets(): Market[] {
  const [{ data }] = useQuery({ query: AgencyHomeDocument });
  return data?.viewer?.agency?.markets ?? [];
}
