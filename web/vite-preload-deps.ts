import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Each lazy import in the build carries the list of chunks to preload with it (`__vite__mapDeps([...])`). Vite
 * lists every static dependency of the imported chunk, including those the importing chunk itself imports
 * statically — already loaded by the time its code runs, so preloading them again does nothing. The entry holds the
 * route table of every role, and each route's list repeated React, Mantine's Box and the like: bytes every first
 * page downloaded for nothing. `resolveDependencies` keeps only the chunks the importer has not loaded yet.
 */
export function preloadOnlyMissing(): { plugin: Plugin; resolveDependencies: (file: string, deps: string[], ctx: { hostId: string }) => string[] } {
  let bundle: OutputBundle | null = null;
  const loaded = new Map<string, Set<string>>();

  const staticClosure = (host: string): Set<string> => {
    let files = loaded.get(host);
    if (files) return files;
    files = new Set<string>();
    const todo = [host];
    while (todo.length) {
      const file = todo.pop()!;
      if (files.has(file)) continue;
      files.add(file);
      const chunk = bundle?.[file];
      if (chunk?.type === 'chunk') todo.push(...chunk.imports);
    }
    loaded.set(host, files);
    return files;
  };

  return {
    plugin: {
      name: 'matchup-preload-only-missing',
      apply: 'build',
      // Runs before Vite writes the preload lists (its import analysis fills them in at generateBundle, later).
      enforce: 'pre',
      generateBundle(_, output) {
        bundle = output as unknown as OutputBundle;
        loaded.clear();
      },
    },
    resolveDependencies(_file, deps, { hostId }) {
      if (!bundle) return deps;
      const have = staticClosure(hostId);
      return deps.filter((dep) => !have.has(dep));
    },
  };
}
