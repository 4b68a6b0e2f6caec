/** Rows that just changed live, highlighted for a few seconds. */
import { useCallback, useEffect, useRef, useState } from 'react';

const FLASH_MS = 4_000;

export function useFlash(): { flashing: ReadonlySet<string>; flash: (id: string) => void } {
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef<number[]>([]);
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);
  const flash = useCallback((id: string) => {
    setFlashing((f) => new Set(f).add(id));
    timers.current.push(
      window.setTimeout(
        () =>
          setFlashing((f) => {
            const next = new Set(f);
            next.delete(id);
            return next;
          }),
        FLASH_MS,
      ),
    );
  }, []);
  return { flashing, flash };
}
