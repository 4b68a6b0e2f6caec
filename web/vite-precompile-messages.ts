import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { CORE_NAMESPACES, namespaceOf } from './src/i18n/namespaces.ts';

const VIRTUAL = 'virtual:matchup-messages/';
const KEY_PREFIX = /(['"`])([a-z][a-zA-Z]*)\./g;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;
const PLACEHOLDER = /(["`'])__MATCHUP_NS__:([^"`']+)\1/g;

/**
 * The build's catalogues (src/i18n/messages/<code>.json), per FormatJS's "pre-compile messages" setup:
 *  - each message ships as its parsed ICU tree, and the ICU parser is swapped for FormatJS's `no-parser` entry,
 *    so the browser never downloads or runs the parser;
 *  - each language is split by namespace (src/i18n/namespaces.ts): the core is one chunk, every other namespace
 *    another. Every lazy `import('./X')` in the app becomes `withNamespaces(import('./X'), [...])`, where the list
 *    (filled in once the chunk graph is known) holds the non-core namespaces that X's chunk and its static imports
 *    name ('campaigns.…'): a screen loads with exactly the words it can show, in the language in use.
 * Development and tests keep the plain strings, one file per language (everything loaded), and the parser.
 */
export function precompileMessages(): Plugin {
  let dir = '';
  let source = '';
  let namespaces = new Set<string>();
  const usedBy = new Map<string, string[]>();
  const catalogue = (code: string) =>
    JSON.parse(readFileSync(path.join(dir, `${code}.json`), 'utf8')) as Record<string, string>;

  return {
    name: 'matchup-precompile-messages',
    apply: 'build',
    enforce: 'pre',
    config() {
      return {
        resolve: {
          alias: [
            { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
          ],
        },
      };
    },
    configResolved(config) {
      dir = path.resolve(config.root, 'src/i18n/messages');
      source = path.resolve(config.root, 'src/i18n/catalogueSource.ts');
      namespaces = new Set(Object.keys(catalogue('en')).map(namespaceOf).filter((ns) => !CORE_NAMESPACES.has(ns)));
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (id.startsWith(`\0${VIRTUAL}`)) {
        const [code, ns] = id.slice(VIRTUAL.length + 1).split('/') as [string, string];
        const messages = Object.entries(catalogue(code)).filter(([key]) =>
          ns === 'core' ? !namespaces.has(namespaceOf(key)) : namespaceOf(key) === ns,
        );
        const compiled = Object.fromEntries(messages.map(([key, text]) => [key, parse(text)]));
        return `export default ${JSON.stringify(compiled)};`;
      }
      if (id !== source) return null;
      const codes = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
      const table = codes.map((code) => {
        const parts = ['core', ...namespaces].map(
          (ns) => `${JSON.stringify(ns)}: () => import(${JSON.stringify(`${VIRTUAL}${code}/${ns}`)})`,
        );
        return `${JSON.stringify(code)}: {${parts.join(', ')}}`;
      });
      return `const PARTS = {${table.join(',\n')}};
export async function loadPart(code, namespace) {
  const part = PARTS[code]?.[namespace ?? 'core'];
  return part ? (await part()).default : {};
}`;
    },
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.tsx?$/.test(id) || /[\\/]src[\\/](i18n|generated)[\\/]/.test(id)) return null;
      const used = new Set<string>();
      for (const m of code.matchAll(KEY_PREFIX)) if (namespaces.has(m[2]!)) used.add(m[2]!);
      if (used.size) usedBy.set(id, [...used]);
      const imports = [...code.matchAll(DYNAMIC_IMPORT)];
      if (imports.length === 0) return null;
      let out = code;
      for (const m of imports) {
        const target = await this.resolve(m[2]!, id);
        if (!target || target.external) continue;
        out = out.replace(m[0], `__withNamespaces(${m[0]}, "__MATCHUP_NS__:${target.id}")`);
      }
      if (out === code) return null;
      const loader = path.resolve(path.dirname(source), 'catalogues.ts');
      return { code: `import { withNamespaces as __withNamespaces } from ${JSON.stringify(loader)};\n${out}`, map: null };
    },
    // Fills each lazy import's namespaces in, and writes dist/.vite/i18n.json (the namespaces each chunk names,
    // and each language's catalogue chunks) so that bench/web_bundle.py counts the words a first page downloads.
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const own = (c: (typeof chunks)[number]) => new Set(c.moduleIds.flatMap((m) => usedBy.get(m) ?? []));
      const withStatic = (c: (typeof chunks)[number]) => {
        const seen = new Set<string>();
        const result = new Set<string>();
        const todo = [c.fileName];
        while (todo.length) {
          const file = todo.pop()!;
          if (seen.has(file)) continue;
          seen.add(file);
          const chunk = byFile.get(file);
          if (!chunk) continue;
          for (const ns of own(chunk)) result.add(ns);
          todo.push(...chunk.imports);
        }
        return [...result].sort();
      };
      // The entry and its static imports run before any lazy import: they may only use core namespaces.
      for (const entry of chunks.filter((c) => c.isEntry)) {
        const names = withStatic(entry);
        if (names.length) this.error(`The entry chunk uses message namespaces outside the core: ${names.join(', ')}`);
      }
      const facades = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId!, c]));
      const report: Record<string, string[]> = {};
      const catalogues: Record<string, Record<string, string>> = {};
      // Catalogue parts with a plural, select, number… load intl-messageformat (src/i18n/runtime.ts).
      const complex: Record<string, string[]> = {};
      const formatter = chunks.find((c) => c.facadeModuleId?.includes('intl-messageformat'))?.fileName ?? null;
      for (const chunk of chunks) {
        chunk.code = chunk.code.replace(PLACEHOLDER, (_m, _quote: string, target: string) => {
          const facade = facades.get(target);
          return JSON.stringify(facade ? withStatic(facade) : []);
        });
        const facade = chunk.facadeModuleId ?? '';
        if (facade.startsWith(`\0${VIRTUAL}`)) {
          const [code, ns] = facade.slice(VIRTUAL.length + 1).split('/') as [string, string];
          (catalogues[code] ??= {})[ns] = chunk.fileName;
          const plain = (nodes: { type: number }[]) => nodes.every((n) => n.type === 0 || n.type === 1);
          const part = Object.entries(catalogue(code)).filter(([key]) =>
            ns === 'core' ? !namespaces.has(namespaceOf(key)) : namespaceOf(key) === ns,
          );
          if (part.some(([, text]) => !plain(parse(text)))) (complex[code] ??= []).push(ns);
          continue;
        }
        const names = own(chunk);
        if (names.size) report[chunk.fileName] = [...names].sort();
      }
      this.emitFile({ type: 'asset', fileName: '.vite/i18n.json', source: JSON.stringify({ chunks: report, catalogues, complex, formatter }, null, 1) });
    },
  };
}
