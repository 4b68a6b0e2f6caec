/**
 * Overlays the first paint does not need (the shells' account menu, notifications popover, tooltips) load
 * when the user reaches for them. Until then a plain copy of their trigger is shown; pointing at it or
 * focusing it loads the overlay's chunk, and a click before it arrives opens the overlay once it has.
 * Keyboard focus stays on the trigger across the swap.
 */
import { useLayoutEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';

/** What the loaded overlay is told: whether to open at once (clicked, or still pointed at / focused). */
export type DeferredStart = { startOpen: () => boolean };

type Loaded<P> = ComponentType<P & DeferredStart & { trigger: ReactElement }>;

export function deferred<P extends object>(
  load: () => Promise<Loaded<P>>,
  openOn: 'click' | 'hover',
) {
  let loaded: Loaded<P> | null = null;
  let loading: Promise<Loaded<P>> | null = null;

  return function Deferred({ trigger, ...props }: P & { trigger: ReactElement }) {
    const box = useRef<HTMLDivElement>(null);
    const clicked = useRef(false);
    const hadFocus = useRef(false);
    const [Full, setFull] = useState<Loaded<P> | null>(() => loaded);

    const arm = () => {
      if (Full) return;
      hadFocus.current = !!box.current?.contains(document.activeElement);
      loading ??= load().then((component) => (loaded = component));
      void loading.then((component) => setFull(() => component));
    };

    useLayoutEffect(() => {
      // The trigger was swapped for the overlay's own: keep keyboard focus where it was.
      if (Full && hadFocus.current) box.current?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
    }, [Full]);

    const startOpen = () => {
      if (openOn === 'click') return clicked.current;
      const el = box.current;
      return !!el && (el.querySelector(':hover') !== null || el.contains(document.activeElement));
    };

    if (Full) {
      return (
        <div ref={box} style={{ display: 'contents' }}>
          <Full {...(props as P)} trigger={trigger} startOpen={startOpen} />
        </div>
      );
    }
    return (
      <div
        ref={box}
        style={{ display: 'contents' }}
        onPointerOver={arm}
        onFocus={arm}
        onBlur={(event) => {
          // Focus moved elsewhere before the overlay arrived (a removed trigger blurs with no related target).
          if (event.relatedTarget && !box.current?.contains(event.relatedTarget)) hadFocus.current = false;
        }}
        // A press counts from pointer down: if the chunk arrives between press and release, the release lands on
        // the overlay's own trigger and the browser fires no click at all.
        onPointerDownCapture={() => {
          clicked.current = true;
          arm();
        }}
        onPointerCancelCapture={() => {
          clicked.current = false;
        }}
        onClickCapture={() => {
          clicked.current = true;
          arm();
        }}
      >
        {trigger}
      </div>
    );
  };
}
