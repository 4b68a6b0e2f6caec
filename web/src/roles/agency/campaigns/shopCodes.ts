/**
 * Shop codes pasted as a list (one per line, or separated by commas, semicolons or spaces), normalised the way
 * the server does (trimmed, upper case) and checked against the shop code format.
 */
import { translate } from '../../../i18n/runtime';

/** 6–20 upper-case letters and digits, e.g. THCBELNL4Y (server/services/onboarding.py SHOP_CODE_RE). */
export const SHOP_CODE_RE = /^[A-Z0-9]{6,20}$/;
export const MAX_TARGET_SHOPS = 100;

export interface ShopCodeToken {
  code: string;
  valid: boolean;
}

export interface ParsedShopCodes {
  /** Each distinct code once, in the order first pasted. */
  tokens: ShopCodeToken[];
  /** The distinct codes in a valid format (what is sent). */
  valid: string[];
  invalid: string[];
  /** How many repeated codes were dropped. */
  duplicates: number;
}

export function parseShopCodes(text: string): ParsedShopCodes {
  const seen = new Set<string>();
  const tokens: ShopCodeToken[] = [];
  let duplicates = 0;
  for (const raw of text.split(/[\s,;]+/)) {
    const code = raw.trim().toUpperCase();
    if (!code) continue;
    if (seen.has(code)) {
      duplicates += 1;
      continue;
    }
    seen.add(code);
    tokens.push({ code, valid: SHOP_CODE_RE.test(code) });
  }
  return {
    tokens,
    valid: tokens.filter((t) => t.valid).map((t) => t.code),
    invalid: tokens.filter((t) => !t.valid).map((t) => t.code),
    duplicates,
  };
}

/** The message for the shop codes field of a SELECTED campaign, or null when the list is acceptable. */
export function shopCodesError(parsed: ParsedShopCodes): string | null {
  if (parsed.tokens.length === 0) return translate('campaigns.shopCodes.pasteOne');
  if (parsed.invalid.length > 0) {
    return translate('campaigns.shopCodes.invalid', { count: parsed.invalid.length });
  }
  if (parsed.valid.length > MAX_TARGET_SHOPS) return translate('campaigns.shopCodes.tooMany', { max: MAX_TARGET_SHOPS, count: parsed.valid.length });
  return null;
}

/** Codes as the textarea shows them: one per line. */
export function formatShopCodes(codes: ReadonlyArray<string>): string {
  return codes.join('\n');
}
