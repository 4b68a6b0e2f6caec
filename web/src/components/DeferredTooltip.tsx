/** A tooltip (Mantine Tooltip, floating-ui) that loads when its trigger is first pointed at or focused. */
import { deferred } from './Deferred';

export type TooltipProps = { label: string; /** multiline, this wide (px) */ width?: number };

export const DeferredTooltip = deferred<TooltipProps>(
  () => import('./HelpTooltip').then((m) => m.HelpTooltip),
  'hover',
);
