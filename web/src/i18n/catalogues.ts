/**
 * Message catalogues, one JSON file per language (src/i18n/messages/<code>.json); only the language in use is
 * downloaded, and in the build only the namespaces the loaded screens use (see namespaces.ts). en.json is the
 * source: every key the code uses is typed from it.
 */
import type en from './messages/en.json';
import { loadPart } from './catalogueSource';
import type { LocaleCode } from './locales';
import { loadFormatter, needsFormatter } from './runtime';

export type MessageKey = keyof typeof en;
/** Message texts, or their parsed ICU trees in the build. */
export type Catalogue = Record<string, unknown>;

const merged = new Map<LocaleCode, Catalogue>();
const pending = new Map<string, Promise<void>>();
/** Namespaces some loaded module needs: a switch loads them in the new language before showing it. */
const wanted = new Set<string>();
let current: LocaleCode | null = null;

function loadInto(code: LocaleCode, namespace: string | null): Promise<void> {
  const id = `${code}/${namespace ?? ''}`;
  let promise = pending.get(id);
  if (!promise) {
    promise = loadPart(code, namespace).then(async (messages) => {
      if (Object.values(messages).some(needsFormatter)) await loadFormatter();
      const catalogue = merged.get(code) ?? {};
      Object.assign(catalogue, messages);
      merged.set(code, catalogue);
    });
    pending.set(id, promise);
  }
  return promise;
}

export function loadedCatalogue(code: LocaleCode): Catalogue | undefined {
  return pending.has(`${code}/`) ? merged.get(code) : undefined;
}

/** Loads `code`'s core and every namespace in use, and makes it the language later namespaces load in. */
export async function loadCatalogue(code: LocaleCode): Promise<Catalogue> {
  await Promise.all([loadInto(code, null), ...[...wanted].map((ns) => loadInto(code, ns))]);
  current = code;
  return merged.get(code)!;
}

/** Awaited (in the build) by each module whose keys live in these namespaces, before it runs. */
export async function loadNamespaces(namespaces: ReadonlyArray<string>): Promise<void> {
  for (const ns of namespaces) wanted.add(ns);
  if (current) await Promise.all(namespaces.map((ns) => loadInto(current!, ns)));
}

/** A lazy import that resolves once its module and the namespaces it names are loaded (the build wraps every
 * `import()` of the app in this: vite-precompile-messages.ts). */
export async function withNamespaces<T>(module: Promise<T>, namespaces: ReadonlyArray<string>): Promise<T> {
  const [loaded] = await Promise.all([module, loadNamespaces(namespaces)]);
  return loaded;
}
