import { describe, expect, it } from 'vitest';
import { windowErrorMessage } from './windowErrors';
import { inEnglish } from '../../../i18n/inEnglish';

inEnglish();

describe('windowErrorMessage', () => {
  it('says when registration opens or ended, in the market zone', () => {
    const opens = windowErrorMessage({ code: 'REGISTRATION_NOT_OPEN_YET', message: 'x', opensAt: '2026-12-01T02:00:00Z' }, 'Asia/Bangkok');
    expect(opens).toMatch(/^Registration is not open yet: it opens .*Dec.*1.*9:00/);
    const ended = windowErrorMessage({ code: 'REGISTRATION_ENDED', message: 'x', endedAt: '2026-12-01T02:00:00Z' }, 'Asia/Bangkok');
    expect(ended).toMatch(/^Registration for this campaign ended .*9:00/);
  });

  it('keeps the server message for every other error', () => {
    expect(windowErrorMessage({ code: 'NOT_PUBLISHED', message: 'The campaign is not published' }, 'UTC')).toBe('The campaign is not published');
  });
});
