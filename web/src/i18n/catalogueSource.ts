/**
 * Where catalogues come from. In development and tests: each language's whole JSON (namespaces are ignored).
 * In the build, vite-precompile-messages.ts replaces this module with one that imports each language's core
 * and each other namespace as its own chunk of parsed ICU trees.
 */
import type { LocaleCode } from './locales';

const FILES = import.meta.glob<{ default: Record<string, string> }>('./messages/*.json');

/** The core messages of `code` (namespace null), or one other namespace's (already in the whole file here). */
export async function loadPart(code: LocaleCode, namespace: string | null): Promise<Record<string, unknown>> {
  if (namespace !== null) return {};
  const loader = FILES[`./messages/${code}.json`];
  if (!loader) throw new Error(`No catalogue for ${code}`);
  return (await loader()).default;
}
