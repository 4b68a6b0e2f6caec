import type { Plugin } from 'vite';

const VIRTUAL = '\0matchup:scrollarea-merge-refs';

/**
 * Mantine's ScrollArea (under every Table, Select and ScrollArea) takes one helper, `useMergeRefs`, from
 * @floating-ui/react; that module is one piece, so each page with a table also loaded all of floating-ui
 * (15 kB gzip), which only tooltips, popovers and menus use. ScrollArea gets the same helper from
 * @mantine/hooks instead (`useMergedRef`: assigns the node to every ref, null on unmount).
 */
export function scrollAreaMergeRefs(): Plugin {
  return {
    name: 'matchup-scrollarea-merge-refs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@floating-ui/react' && importer && /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]/.test(importer)) {
        return VIRTUAL;
      }
      return null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return [
        "import { useMergedRef } from '@mantine/hooks';",
        'export function useMergeRefs(refs) { return useMergedRef(...refs); }',
      ].join('\n');
    },
  };
}
