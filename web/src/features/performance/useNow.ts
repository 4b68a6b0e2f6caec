import { useState } from 'react';

/** The moment the screen opened: "today" and the default ranges stay put while it is shown. */
export function useNow(): Date {
  const [now] = useState(() => new Date());
  return now;
}
