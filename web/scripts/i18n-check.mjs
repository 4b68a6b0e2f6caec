#!/usr/bin/env node
/**
 * The i18n check (`npm run i18n:check`; src/i18n/i18n.test.ts runs the same checks):
 *  - every key of messages/en.json exists in every other catalogue, and no catalogue has keys en.json lacks;
 *  - every message is valid ICU, and uses the same placeholders as the English one;
 *  - every error code of schema.graphql's *ErrorCode enums has a message `error.<CODE>`;
 *  - no component under src/ shows a literal: JSX text, user-facing attributes (aria-label, title, placeholder,
 *    label, …, and any attribute named *Label/*Title/*Message/*Placeholder) or toast/option objects'
 *    title/message/label/description with words in them, or the values of a word map: an object literal declared
 *    as `Record<…, string>` (or Readonly<Record<…, string>>), or held by a constant named …LABEL(S)/…TEXT(S)/
 *    …TITLE(S)/…MESSAGE(S)/…NAME(S) (a map of codes to words is translated through message keys instead).
 * Literals that are not words for people (brand name, units) are listed in src/i18n/literal-allowlist.json with
 * a reason. Files not converted yet are listed in src/i18n/pending-files.json: their literals are reported as
 * "pending", and the test fails when a listed file has none left (so the list only shrinks).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { parse as parseIcu, TYPE } from '@formatjs/icu-messageformat-parser';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(WEB, 'src');
const MESSAGES = join(SRC, 'i18n', 'messages');
export const LOCALES = ['en', 'th', 'vi', 'id', 'ms', 'fil'];

/** Attributes whose string value people read (or hear, for aria-*). */
const TEXT_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt',
  'label', 'description', 'error', 'message', 'emptyMessage', 'nothingFoundMessage', 'confirmLabel', 'cancelLabel',
  'tooltip', 'heading', 'subtitle', 'hint', 'helperText', 'caption',
]);
/** Attributes named like these also hold text (closeButtonLabel, emptyTitle, …). */
const TEXT_ATTRIBUTE_SUFFIX = /[a-z](Label|Title|Message|Placeholder|Description)$/;
/** Constants whose object literal maps codes to words. */
const WORD_MAP_NAME = /(LABELS?|TEXTS?|TITLES?|MESSAGES?|NAMES?)$/;
/** Object properties whose string value people read (toasts, select options, nav items, form rules). */
const TEXT_PROPERTIES = new Set(['title', 'message', 'label', 'description', 'placeholder', 'ariaLabel', 'heading', 'hint', 'help', 'text']);

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function loadCatalogues() {
  return Object.fromEntries(LOCALES.map((l) => [l, readJson(join(MESSAGES, `${l}.json`))]));
}

function icuArguments(elements, into = new Set()) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
      into.add(el.value);
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) icuArguments(option.value, into);
    } else if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      icuArguments(el.children, into);
    }
  }
  return into;
}

/** Missing/extra keys, invalid ICU and placeholder mismatches across the catalogues. */
export function checkCatalogues(catalogues = loadCatalogues()) {
  const problems = { missing: [], extra: [], invalid: [], placeholders: [] };
  const en = catalogues.en;
  const enArgs = {};
  for (const locale of LOCALES) {
    const cat = catalogues[locale];
    for (const key of Object.keys(en)) if (!(key in cat)) problems.missing.push(`${locale}: ${key}`);
    for (const key of Object.keys(cat)) if (!(key in en)) problems.extra.push(`${locale}: ${key}`);
    for (const [key, text] of Object.entries(cat)) {
      let args;
      try {
        args = [...icuArguments(parseIcu(text, { requiresOtherClause: true }))].sort().join(',');
      } catch (error) {
        problems.invalid.push(`${locale}: ${key}: ${error.message}`);
        continue;
      }
      if (locale === 'en') enArgs[key] = args;
      else if (key in enArgs && enArgs[key] !== args) {
        problems.placeholders.push(`${locale}: ${key}: {${args}} instead of {${enArgs[key]}}`);
      }
    }
  }
  return problems;
}

/** Every value of the *ErrorCode enums of ../schema.graphql. */
export function schemaErrorCodes(schema = readFileSync(join(WEB, '..', 'schema.graphql'), 'utf8')) {
  const codes = new Set();
  for (const m of schema.matchAll(/enum (\w+ErrorCode) \{([^}]*)\}/g)) {
    for (const line of m[2].split('\n')) {
      const value = line.trim();
      if (/^[A-Z][A-Z0-9_]*$/.test(value)) codes.add(value);
    }
  }
  return [...codes].sort();
}

export function unmappedErrorCodes(en = loadCatalogues().en) {
  return schemaErrorCodes().filter((code) => !(`error.${code}` in en));
}

function* walkFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'messages') yield* walkFiles(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) {
      yield path;
    }
  }
}

/** Text people read: a letter, and not a bare code/identifier ("THB", "sm", "aria-x", "#id", CSS). */
export function isWords(text) {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(t)) return false;
  if (/^[A-Z0-9_]+$/.test(t)) return false; // codes: THB, USD, AGENCY
  if (/^[a-z][a-zA-Z0-9]*([-_.:/][a-zA-Z0-9]+)+$/.test(t)) return false; // keys, paths, CSS names
  if (/^(var\(|calc\(|#|\d)/.test(t)) return false;
  return true;
}

/** A word map's value: words, and not one lower-case token (in a map of codes that is an identifier: a colour,
 * a key suffix, a dayjs locale), so that "Approved" and "in transit" count but "teal" and "inTransit" do not. */
export function isMapWords(text) {
  const t = text.trim();
  return isWords(t) && (/\s/.test(t) || !/^[a-z][a-zA-Z0-9]*$/.test(t));
}

function stringsIn(node, out) {
  if (!node) return;
  switch (node.type) {
    case 'StringLiteral':
      out.push({ text: node.value, line: node.loc.start.line });
      break;
    case 'TemplateLiteral':
      for (const q of node.quasis) out.push({ text: q.value.cooked ?? '', line: q.loc.start.line });
      break;
    case 'ConditionalExpression':
      stringsIn(node.consequent, out);
      stringsIn(node.alternate, out);
      break;
    case 'LogicalExpression':
      stringsIn(node.left, out);
      stringsIn(node.right, out);
      break;
    case 'BinaryExpression':
      if (node.operator === '+') {
        stringsIn(node.left, out);
        stringsIn(node.right, out);
      }
      break;
    case 'JSXExpressionContainer':
      stringsIn(node.expression, out);
      break;
    default:
  }
}

function isTextAttribute(name) {
  return TEXT_ATTRIBUTES.has(name) || TEXT_ATTRIBUTE_SUFFIX.test(name);
}

function unwrap(node) {
  let n = node;
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion' || n.type === 'ParenthesizedExpression')) n = n.expression;
  return n;
}

/** Record<K, string>, possibly inside Readonly<…>. */
function isStringRecord(type) {
  if (!type || type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return false;
  const params = type.typeParameters?.params ?? [];
  if (type.typeName.name === 'Readonly') return isStringRecord(params[0]);
  return type.typeName.name === 'Record' && params[1]?.type === 'TSStringKeyword';
}

/** The object literal of `const X: Record<…, string> = {…}` or `const SOME_LABELS = {…}`, else null. */
function wordMapOf(declarator) {
  const init = unwrap(declarator.init);
  if (!init || init.type !== 'ObjectExpression' || declarator.id.type !== 'Identifier') return null;
  const annotated = isStringRecord(declarator.id.typeAnnotation?.typeAnnotation);
  const asserted = declarator.init !== init && isStringRecord(declarator.init.typeAnnotation);
  return annotated || asserted || WORD_MAP_NAME.test(declarator.id.name) ? init : null;
}

function attributeName(attr) {
  return attr.name.type === 'JSXNamespacedName' ? `${attr.name.namespace.name}:${attr.name.name.name}` : attr.name.name;
}

/** Untranslated literals of one source file: [{line, text, kind}]. */
export function literalsOf(code, filename = 'x.tsx') {
  const ast = parse(code, { sourceType: 'module', plugins: filename.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'] });
  const found = [];
  const visit = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'JSXText') {
      if (isWords(node.value)) found.push({ line: node.loc.start.line, text: node.value.trim(), kind: 'jsx text' });
    } else if (node.type === 'JSXExpressionContainer' && (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment')) {
      const out = [];
      stringsIn(node.expression, out);
      for (const s of out) if (isWords(s.text)) found.push({ ...s, text: s.text.trim(), kind: 'jsx text' });
    } else if (node.type === 'JSXAttribute' && isTextAttribute(attributeName(node))) {
      const out = [];
      stringsIn(node.value, out);
      for (const s of out) if (isWords(s.text)) found.push({ ...s, text: s.text.trim(), kind: `${attributeName(node)}=` });
    } else if (node.type === 'VariableDeclarator' && wordMapOf(node)) {
      for (const prop of wordMapOf(node).properties) {
        if (prop.type !== 'ObjectProperty') continue;
        const out = [];
        stringsIn(prop.value, out);
        for (const s of out) if (isMapWords(s.text)) found.push({ ...s, text: s.text.trim(), kind: `${node.id.name} value` });
      }
    } else if (node.type === 'ObjectProperty' && !node.computed) {
      const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
      if (TEXT_PROPERTIES.has(key)) {
        const out = [];
        stringsIn(node.value, out);
        for (const s of out) if (isWords(s.text)) found.push({ ...s, text: s.text.trim(), kind: `${key}:` });
      }
    }
    for (const [field, value] of Object.entries(node)) {
      if (field === 'loc' || field === 'leadingComments' || field === 'trailingComments') continue;
      if (Array.isArray(value)) for (const child of value) visit(child, node);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, node);
    }
  };
  visit(ast.program, null);
  return found;
}

export function loadAllowlist() {
  return readJson(join(SRC, 'i18n', 'literal-allowlist.json'));
}

export function loadPending() {
  return readJson(join(SRC, 'i18n', 'pending-files.json')).files;
}

/** Literals across src/: `untranslated` (files that should be converted), `pending` (listed files), `cleared`. */
export function scanLiterals() {
  const allow = loadAllowlist();
  const pending = new Set(loadPending());
  const untranslated = [];
  const pendingFound = [];
  const pendingWithLiterals = new Set();
  for (const path of walkFiles(SRC)) {
    const file = relative(WEB, path).split('\\').join('/');
    const literals = literalsOf(readFileSync(path, 'utf8'), path).filter(
      (l) => !allow.some((a) => a.text === l.text && (a.file === '*' || a.file === file)),
    );
    for (const l of literals) {
      const entry = `${file}:${l.line}  ${l.kind} ${JSON.stringify(l.text)}`;
      if (pending.has(file)) {
        pendingFound.push(entry);
        pendingWithLiterals.add(file);
      } else {
        untranslated.push(entry);
      }
    }
  }
  const cleared = [...pending].filter((f) => !pendingWithLiterals.has(f));
  return { untranslated, pending: pendingFound, cleared };
}

function main() {
  const strict = process.argv.includes('--strict');
  const cat = checkCatalogues();
  const lit = scanLiterals();
  const codes = unmappedErrorCodes();
  const sections = [
    ['Missing keys', cat.missing],
    ['Keys not in en.json', cat.extra],
    ['Invalid ICU', cat.invalid],
    ['Placeholders differ from English', cat.placeholders],
    ['Error codes without a message (error.<CODE>)', codes],
    ['Untranslated literals', lit.untranslated],
    ['Pending files with no literals left (remove from pending-files.json)', lit.cleared],
    [strict ? 'Literals in pending files' : 'Literals in pending files (not converted yet)', lit.pending],
  ];
  let failed = false;
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    const counts = title.startsWith('Literals in pending') && !strict;
    if (!counts) failed = true;
    console.log(`\n${title} (${items.length}):`);
    for (const item of items) console.log(`  ${item}`);
  }
  const pendingFiles = new Set(lit.pending.map((e) => e.split(':')[0])).size;
  console.log(`\ni18n: ${Object.keys(loadCatalogues().en).length} keys × ${LOCALES.length} languages; ${pendingFiles} files pending.`);
  if (failed) {
    console.log('i18n check FAILED');
    process.exit(1);
  }
  console.log('i18n check passed');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
