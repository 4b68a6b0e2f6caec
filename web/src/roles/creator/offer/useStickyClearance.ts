/**
 * Keeps what the keyboard focuses, and what the page scrolls to, clear of a panel stuck to the bottom of the screen
 * (the offer's Add panel above the phone's bottom navigation): the page's scroll padding at the bottom follows the
 * panel's height while it is shown. Without it a lower-rate choice could sit under the panel.
 */
import { useElementSize } from '@mantine/hooks';
import { useEffect } from 'react';

export function useStickyClearance<T extends HTMLElement>() {
  const { ref, height } = useElementSize<T>();
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.scrollPaddingBottom;
    if (height > 0) root.style.scrollPaddingBottom = `calc(${Math.ceil(height)}px + var(--app-shell-footer-offset, 0px) + 24px)`;
    return () => {
      root.style.scrollPaddingBottom = before;
    };
  }, [height]);
  return ref;
}

/** Brings an item's lower-rate choice into view above the panel (after it renders). */
export function revealChoice(itemId: string) {
  requestAnimationFrame(() => {
    const notice = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"] [data-testid="lower-rate-notice"]`);
    notice?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
}
