import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { A11Y_EXCEPTIONS } from '../a11y-exceptions.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core tags for them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface Finding {
  where: string;
  rule: string;
  impact: string | null | undefined;
  target: string;
  summary: string;
}

/**
 * Runs axe on the page as it is and returns every violation node that the reviewed exception list does not excuse.
 *
 * In the page itself (legacy mode, which leaves out cross-origin frames: the app has no frames), not through a blank
 * page of its own that each scan opened to merge the frames' results; and with the nodes of violations only (the
 * passes, the incomplete and the inapplicable each keep one), which are all that is read here. Both took most of a
 * scan's time.
 */
export async function axeFindings(page: Page, where: string): Promise<Finding[]> {
  // options() replaces every option: before withTags(), which adds its own.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).setLegacyMode();
  const results = await axe.analyze();
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' ');
      const excused = A11Y_EXCEPTIONS.some((e) => e.rule === violation.id && (!e.target || e.target.test(target)));
      if (!excused) {
        findings.push({
          where,
          rule: violation.id,
          impact: node.impact,
          target,
          summary: (node.failureSummary ?? '').split('\n').slice(0, 3).join(' '),
        });
      }
    }
  }
  return findings;
}
