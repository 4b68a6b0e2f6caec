/**
 * A dialog opened from a row's menu gives the keyboard focus back to that row's menu button when it closes: the
 * menu item that opened it is gone by then, and the focus would otherwise fall to the top of the page.
 */
export function focusRowActions(row: { id: string } | null) {
  if (!row) return;
  window.setTimeout(() => document.querySelector<HTMLElement>(`[data-row-actions="${CSS.escape(row.id)}"]`)?.focus(), 0);
}
