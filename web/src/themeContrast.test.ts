import { createTheme, DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA, accessibleColors, contrast, DIMMED, WHITE } from './themeContrast';
import { theme } from './theme';

const full = mergeMantineTheme(DEFAULT_THEME, theme ?? createTheme({}));
const light = accessibleColors(full).light;

describe('accessible colour variables', () => {
  it('uses the WCAG contrast formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 2); // Mantine's gray.6: the failure axe reported
  });

  it('gives secondary text AA contrast on white and on gray.0', () => {
    expect(light['--mantine-color-dimmed']).toBe(DIMMED);
    expect(light['--mantine-color-placeholder']).toBe(DIMMED);
    expect(contrast(DIMMED, WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrast(DIMMED, full.colors.gray[0])).toBeGreaterThanOrEqual(AA);
  });

  for (const name of ['indigo', 'teal', 'yellow', 'orange', 'pink', 'red', 'green', 'lime', 'cyan', 'blue', 'grape', 'violet']) {
    it(`${name}: text, light badges and filled buttons all read at AA`, () => {
      const shades = full.colors[name]!;
      const text = light[`--mantine-color-${name}-text`]!;
      expect(contrast(text, WHITE)).toBeGreaterThanOrEqual(AA);
      expect(contrast(text, shades[0])).toBeGreaterThanOrEqual(AA);
      const lightColor = light[`--mantine-color-${name}-light-color`]!;
      expect(contrast(lightColor, shades[1])).toBeGreaterThanOrEqual(AA);
      expect(contrast(lightColor, shades[2])).toBeGreaterThanOrEqual(AA);
      expect(contrast(WHITE, light[`--mantine-color-${name}-filled`]!)).toBeGreaterThanOrEqual(AA);
    });
  }

  it('keeps a shade that already passes (indigo buttons stay indigo, one shade darker)', () => {
    expect(light['--mantine-color-indigo-filled']).toBe(full.colors.indigo[7]);
    expect(light['--mantine-color-anchor']).toBe(light['--mantine-color-indigo-text']);
  });
});
