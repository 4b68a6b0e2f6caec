import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:matchup-document/';
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]*\/generated\/graphql(?:\.ts)?)\2;?/g;

/**
 * GraphQL Code Generator's client preset writes every operation's document into one module
 * (src/generated/graphql.ts, ~170 kB of AST). A module lands whole in one chunk, so the first page would
 * load every screen's documents. In the build, this plugin rewrites each `import { XDocument } from
 * '…/generated/graphql'` (types are already stripped) to a module holding only that document, so each
 * document travels with the screens that use it. The documents themselves are unchanged.
 */
export function splitDocuments(): Plugin {
  let generated = '';
  let source: string | null = null;
  return {
    name: 'matchup-split-documents',
    apply: 'build',
    configResolved(config) {
      generated = path.resolve(config.root, 'src/generated/graphql.ts');
    },
    transform(code, id) {
      if (!/\.(tsx?|jsx?)$/.test(id) || id === generated || !code.includes('generated/graphql')) return null;
      let changed = false;
      const out = code.replace(IMPORT, (whole, specifiers: string, quote: string, from: string) => {
        const names = specifiers.split(',').map((s) => s.trim()).filter(Boolean);
        const documents = names.filter((s) => /^\w+Document(\s+as\s+\w+)?$/.test(s));
        if (documents.length === 0) return whole;
        changed = true;
        const rest = names.filter((s) => !documents.includes(s));
        return [
          ...documents.map((s) => `import { ${s} } from ${quote}${PREFIX}${s.split(/\s+/)[0]}${quote};`),
          ...(rest.length ? [`import { ${rest.join(', ')} } from ${quote}${from}${quote};`] : []),
        ].join('\n');
      });
      return changed ? { code: out, map: null } : null;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const name = id.slice(PREFIX.length + 1);
      source ??= readFileSync(generated, 'utf8');
      this.addWatchFile(generated);
      const start = source.indexOf(`export const ${name} = `);
      const end = source.indexOf(' as unknown as DocumentNode<', start);
      if (start < 0 || end < 0) this.error(`${name} is not a document of ${generated}`);
      return `export const ${name} = ${source.slice(start + `export const ${name} = `.length, end)};\n`;
    },
  };
}
