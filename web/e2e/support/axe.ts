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

/** Runs axe on the page as it is and returns every violation node that the reviewed exception list does not excuse. */
export async function axeFindings(page: Page, where: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
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
