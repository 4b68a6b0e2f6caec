/**
 * The layout rule of web/README.md ("Layout"): `roles/<role>/` holds what one role uses, `features/` only what two
 * or more roles share, `components/` and `lib/` role-agnostic pieces. And no component file over 300 lines.
 * The sources are read through Vite's glob (as text), so the test needs no file-system access of its own.
 */
import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./generated/**', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
/** "features/x/Y.tsx" → its text. */
const FILES = new Map(Object.entries(SOURCES).map(([key, text]) => [key.replace(/^\.\//, ''), text]));

/**
 * features/ modules that one role uses, each with the reason it may stay there for now (none today): move each to
 * its role's folder as soon as the reason is gone.
 */
const SINGLE_ROLE_FEATURES_PENDING: ReadonlySet<string> = new Set<string>([]);

const MAX_COMPONENT_LINES = 300;

/** Screens over the limit, each with the reason it may stay (none today). */
const OVERSIZED_PENDING: ReadonlySet<string> = new Set<string>([]);

function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The module a relative specifier names, or null (a package, a stylesheet, generated code). */
function resolve(from: string, spec: string): string | null {
  const base = normalise([...from.split('/').slice(0, -1), ...spec.split('/')]);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (FILES.has(candidate)) return candidate;
  }
  return null;
}

/** Who imports each module (static imports, re-exports and lazy `import()`). */
function importersOf(files: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(file, match[1]!);
      if (!target) continue;
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target)!.add(file);
    }
  }
  return importers;
}

/** The roles that use a module: through roles/<role>/ files, features/ modules in between; '*' = every role. */
function rolesUsing(file: string, importers: ReadonlyMap<string, ReadonlySet<string>>, seen = new Set<string>()): Set<string> {
  const roles = new Set<string>();
  if (seen.has(file)) return roles;
  seen.add(file);
  for (const importer of importers.get(file) ?? []) {
    const role = /^roles\/([^/]+)\//.exec(importer)?.[1];
    if (role) roles.add(role);
    else if (importer.startsWith('features/')) rolesUsing(importer, importers, seen).forEach((r) => roles.add(r));
    else roles.add('*'); // the app, shells, session, components: every role
  }
  return roles;
}

describe('layout', () => {
  const importers = importersOf(FILES);

  it('reads the sources', () => {
    expect(FILES.size).toBeGreaterThan(200);
    expect(FILES.has('features/performance/ProductPerformanceTable.tsx')).toBe(true);
  });

  it('keeps in features/ only what two or more roles use', () => {
    const singleRole: string[] = [];
    for (const file of FILES.keys()) {
      if (!file.startsWith('features/') || SINGLE_ROLE_FEATURES_PENDING.has(file)) continue;
      const roles = rolesUsing(file, importers);
      if (!roles.has('*') && roles.size < 2) singleRole.push(`${file} (used by ${[...roles].join(', ') || 'nothing'})`);
    }
    expect(singleRole, 'move these to roles/<role>/ (README "Layout")').toEqual([]);
  });

  it('lists as pending only features/ modules that exist and still serve one role', () => {
    const stale = [...SINGLE_ROLE_FEATURES_PENDING].filter((file) => {
      if (!FILES.has(file)) return true;
      const roles = rolesUsing(file, importers);
      return roles.has('*') || roles.size >= 2;
    });
    expect(stale).toEqual([]);
  });

  it('flags a features/ module that one role imports', () => {
    const files = new Map([
      ['roles/agency/A.tsx', "import { x } from '../../features/f/x';"],
      ['roles/seller/B.tsx', "import { y } from '../../features/f/y';"],
      ['roles/creator/C.tsx', "const C = lazy(() => import('../../features/f/y'));"],
      ['features/f/x.ts', "import { z } from './z';"],
      ['features/f/y.ts', "import { z } from './z';"],
      ['features/f/z.ts', ''],
    ]);
    const saved = new Map(FILES);
    FILES.clear();
    files.forEach((text, file) => FILES.set(file, text));
    try {
      const graph = importersOf(FILES);
      expect([...rolesUsing('features/f/x.ts', graph)]).toEqual(['agency']);
      expect([...rolesUsing('features/f/y.ts', graph)].sort()).toEqual(['creator', 'seller']);
      expect([...rolesUsing('features/f/z.ts', graph)].sort()).toEqual(['agency', 'creator', 'seller']);
    } finally {
      FILES.clear();
      saved.forEach((text, file) => FILES.set(file, text));
    }
  });

  it(`keeps every component file at ${MAX_COMPONENT_LINES} lines or fewer`, () => {
    const long = [...FILES]
      .filter(([file]) => file.endsWith('.tsx') && !OVERSIZED_PENDING.has(file))
      .map(([file, text]) => [file, text.replace(/\n$/, '').split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_COMPONENT_LINES)
      .map(([file, lines]) => `${file}: ${lines}`);
    expect(long, 'split these into components/hooks in the same folder').toEqual([]);
  });
});
