import { Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { DeferredStart } from './Deferred';
import type { TooltipProps } from './DeferredTooltip';

/** The loaded tooltip around its trigger, open at once when the trigger is already pointed at or focused. */
export function HelpTooltip({ label, width, trigger, startOpen }: TooltipProps & DeferredStart & { trigger: React.ReactElement }) {
  const [defaultOpened] = useState(startOpen);
  return (
    <Tooltip label={label} withArrow multiline={width !== undefined} w={width} defaultOpened={defaultOpened}>
      {trigger}
    </Tooltip>
  );
}
