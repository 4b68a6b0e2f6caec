import { Badge } from '@mantine/core';
import type { Market } from '../generated/graphql';
import { marketName } from '../lib/markets';

export function MarketBadge({ market }: { market: Market }) {
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none">
      {marketName(market)}
    </Badge>
  );
}
