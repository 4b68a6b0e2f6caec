import { describe, expect, it } from 'vitest';
import { parseShareToken, sharePath } from './shareToken';

const TOKEN = 'L4l2WcLz9ztoqAE_lPjYeUyukffkcavR';

describe('parseShareToken', () => {
  it('reads the token from a full link, whatever the host', () => {
    expect(parseShareToken(`http://127.0.0.1:8000/c/${TOKEN}`)).toBe(TOKEN);
    expect(parseShareToken(`https://matchup.example/c/${TOKEN}?utm_source=line#top`)).toBe(TOKEN);
    expect(parseShareToken(`https://matchup.example/c/${TOKEN}/`)).toBe(TOKEN);
  });

  it('accepts a link without scheme, a bare path, a bare token and surrounding spaces', () => {
    expect(parseShareToken(`matchup.example/c/${TOKEN}`)).toBe(TOKEN);
    expect(parseShareToken(`/c/${TOKEN}`)).toBe(TOKEN);
    expect(parseShareToken(`  ${TOKEN}\n`)).toBe(TOKEN);
  });

  it('finds the link inside a pasted message', () => {
    expect(parseShareToken(`Hi! Our offer: https://matchup.example/c/${TOKEN} see you`)).toBe(TOKEN);
  });

  it('refuses what holds no token', () => {
    expect(parseShareToken('')).toBeNull();
    expect(parseShareToken('   ')).toBeNull();
    expect(parseShareToken('https://matchup.example/creator/showcase')).toBeNull();
    expect(parseShareToken('https://matchup.example/c/short')).toBeNull();
    expect(parseShareToken('https://matchup.example/c/has%20space%20inside%20it%20ok')).toBeNull();
    expect(parseShareToken('not a link')).toBeNull();
    expect(parseShareToken(`${TOKEN}!`)).toBeNull();
    expect(parseShareToken('x'.repeat(65))).toBeNull();
  });

  it('builds the app path back', () => {
    expect(sharePath(TOKEN)).toBe(`/c/${TOKEN}`);
  });
});
