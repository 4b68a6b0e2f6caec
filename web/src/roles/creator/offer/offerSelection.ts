/**
 * The creator's choice on a shared offer turned into showcaseAdd's input: the chosen items, and for each
 * chosen product already promoted through another offer, which offer to keep (no silent default).
 */
import type { OfferChoice } from '../../../generated/graphql';

export interface OfferItemLike {
  id: string;
  /** Null outside the creator's own view (the agency's preview). */
  inShowcase: boolean | null;
  product: { id: string } | null;
  lowerRateNotice: object | null;
}

/** Items the creator can still add (those already in the showcase through this offer are done). */
export function addableItems<T extends OfferItemLike>(items: ReadonlyArray<T>): T[] {
  return items.filter((item) => !item.inShowcase);
}

export interface ShowcaseAddPlan {
  itemIds: string[];
  choices: Array<{ productId: string; keep: OfferChoice }>;
  /** Chosen items that need "keep existing / use new" first. */
  missingChoice: string[];
}

export function planShowcaseAdd(
  items: ReadonlyArray<OfferItemLike>,
  selected: ReadonlySet<string>,
  choices: Readonly<Record<string, OfferChoice | undefined>>,
): ShowcaseAddPlan {
  const plan: ShowcaseAddPlan = { itemIds: [], choices: [], missingChoice: [] };
  for (const item of addableItems(items)) {
    if (!selected.has(item.id)) continue;
    plan.itemIds.push(item.id);
    if (!item.lowerRateNotice || !item.product) continue;
    const keep = choices[item.product.id];
    if (keep) plan.choices.push({ productId: item.product.id, keep });
    else plan.missingChoice.push(item.id);
  }
  return plan;
}
