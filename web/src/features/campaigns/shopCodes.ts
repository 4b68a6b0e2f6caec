/**
 * Shop codes pasted as a list (one per line, or separated by commas, semicolons or spaces), normalised the way
 * the server does (trimmed, upper case) and checked against the shop code format.
 */

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
  if (parsed.tokens.length === 0) return 'Paste at least one shop code';
  if (parsed.invalid.length > 0) {
    const n = parsed.invalid.length;
    return `${n} ${n === 1 ? 'code is' : 'codes are'} not a valid shop code (6–20 letters A–Z and digits)`;
  }
  if (parsed.valid.length > MAX_TARGET_SHOPS) return `At most ${MAX_TARGET_SHOPS} shops (${parsed.valid.length} now)`;
  return null;
}

/** Codes as the textarea shows them: one per line. */
export function formatShopCodes(codes: ReadonlyArray<string>): string {
  return codes.join('\n');
}
