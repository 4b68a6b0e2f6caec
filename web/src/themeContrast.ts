/**
 * WCAG 2.2 AA colour contrast, decided once for the whole app: Mantine's light-scheme colour variables recomputed
 * so that every text and badge colour reads at 4.5:1 or more (1.4.3) on what it is drawn on.
 *
 * - dimmed (secondary) text: a darker grey than Mantine's gray.6 (3.3:1 on white);
 * - `c="teal"` text and outline variants: the first shade from 6 up that reads on white and on the palest tint;
 * - `variant="light"` (tinted badges): the text shade chosen against the tint and its hover tint;
 * - `variant="filled"` (buttons, solid badges with white text): the first shade from 6 up that white text reads on,
 *   darkened further where even shade 9 does not (yellow, lime, orange…).
 * Colours that pass already keep Mantine's shade, so the palette looks the same where it was fine.
 */
import { darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** 4.5:1 plus a margin, so that rounding in the browser never lands below the threshold. */
export const AA = 4.6;
export const WHITE = '#ffffff';
/** Secondary text: 6.0:1 on white, 5.7:1 on gray.0 (#f8f9fa), still visibly lighter than body text. */
export const DIMMED = '#5c636a';

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first of `shades` from index `from` on that reads at AA on every background, else shade 9 darkened until it does. */
export function readable(shades: MantineColorsTuple, from: number, backgrounds: string[]): string {
  const passes = (colour: string) => backgrounds.every((bg) => contrast(colour, bg) >= AA);
  for (let i = from; i < shades.length; i++) if (passes(shades[i]!)) return shades[i]!;
  for (let k = 0.05; k < 1; k += 0.05) {
    const colour = darken(shades[9], k);
    if (passes(colour)) return colour;
  }
  return '#000000';
}

export const accessibleColors: CSSVariablesResolver = (theme) => {
  // Placeholders are text too (pickers draw them as text): dimmed, not gray.5 (2.1:1).
  const light: Record<string, string> = { '--mantine-color-dimmed': DIMMED, '--mantine-color-placeholder': DIMMED };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark' || name === 'gray') continue; // neutral text colours: dimmed above, body text already dark
    const text = readable(shades, 6, [WHITE, shades[0]]);
    const filled = readable(shades, 6, [WHITE]); // white text on it reads the same either way round
    Object.assign(light, {
      [`--mantine-color-${name}-text`]: text,
      [`--mantine-color-${name}-outline`]: text,
      [`--mantine-color-${name}-light-color`]: readable(shades, 7, [shades[1], shades[2]]),
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
    });
  }
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`]!;
  return { variables: {}, light, dark: {} };
};
