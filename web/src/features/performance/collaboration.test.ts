import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/messages/en.json';
import type { Catalogue } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/context';
import { loadFormatter, Translator } from '../../i18n/runtime';
import { collaborationSteps as stepsIn, type CollaborationFacts } from './collaboration';

// The messages in English, as the app shows them.
const english = new Translator('en', en as unknown as Catalogue);
const t: Translate = (key, values) => english.format(key, values);
const collaborationSteps = (c: CollaborationFacts) => stepsIn(t, c);
beforeAll(loadFormatter);

const base: CollaborationFacts = { since: '2026-11-01T00:00:00Z', showcaseStatus: 'ACTIVE', sampleStatus: null, videos: 0, lives: 0, paidOrders: 0 };

describe('collaboration steps', () => {
  it('reads a fresh collaboration: in showcase, no sample, nothing yet', () => {
    expect(collaborationSteps(base).map((s) => [s.key, s.state])).toEqual([
      ['showcase', 'done'],
      ['sample', 'skipped'],
      ['content', 'todo'],
      ['sales', 'todo'],
    ]);
  });

  it('follows the sample and counts posts and orders', () => {
    const steps = collaborationSteps({ ...base, sampleStatus: 'CONTENT_POSTED', videos: 2, lives: 1, paidOrders: 1 });
    expect(steps.map((s) => s.label)).toEqual(['In showcase', 'Sample delivered', '3 posts', '1 order']);
    expect(collaborationSteps({ ...base, sampleStatus: 'SHIPPED' })[1]).toMatchObject({ state: 'active', label: 'Sample shipped' });
    expect(collaborationSteps({ ...base, sampleStatus: 'OVERDUE' })[1]).toMatchObject({ state: 'stopped' });
  });

  it('tells a link-only sale and an ended collaboration apart', () => {
    expect(collaborationSteps({ ...base, since: null, showcaseStatus: null })[0]).toMatchObject({ label: 'Sold through a link', state: 'done' });
    expect(collaborationSteps({ ...base, showcaseStatus: 'ENDED' })[0]).toMatchObject({ state: 'stopped' });
  });
});
