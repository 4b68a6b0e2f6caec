/** Up to two initials for an avatar fallback: "Linh Tran" → "LT", "shop" → "S". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

export function sellerTypeLabel(type: string | null | undefined): string {
  if (!type) return '—';
  if (type === 'LOCAL') return 'Local seller';
  if (type === 'CROSS_BORDER') return 'Cross-border seller';
  return type;
}

export function pluralize(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
