/**
 * A message key's namespace is its first segment ("campaigns.list.title" → campaigns). The core namespaces load
 * with the app; in the build each other namespace of each language is its own chunk, awaited by the modules
 * that use its keys (vite-precompile-messages.ts), so a page downloads only the words it can show.
 */
export const CORE_NAMESPACES: ReadonlySet<string> = new Set(['app', 'common', 'language', 'shell', 'nav', 'role']);

/**
 * Server error messages are needed only once something fails: the provider fetches them when the browser is
 * idle after the first page, and the error helpers name their keys without a literal prefix so that no module
 * awaits them (errorKey).
 */
export const ERROR_NAMESPACE = 'error';

export function namespaceOf(key: string): string {
  return key.split('.', 1)[0] ?? key;
}
