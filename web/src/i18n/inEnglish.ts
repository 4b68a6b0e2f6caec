/**
 * For unit tests of modules that speak through translate() outside React (rate checks, filters, status labels):
 * makes English, the source catalogue, the language in use for the test file, as the app shows it.
 */
import { beforeAll } from 'vitest';
import type { Catalogue } from './catalogues';
import en from './messages/en.json';
import { activate, loadFormatter, Translator } from './runtime';

export function inEnglish(): void {
  beforeAll(async () => {
    activate(new Translator('en', en as unknown as Catalogue));
    await loadFormatter();
  });
}
