/**
 * A share link as a creator pastes it: the whole URL (any host, with or without scheme, query or fragment),
 * the path "/c/<token>", or the bare token. Tokens are URL-safe base64 (the server makes them with
 * secrets.token_urlsafe) and 16–64 characters long.
 */

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;
const PATH_RE = /(?:^|\/)c\/([^/?#\s]+)/;

export function isShareToken(value: string): boolean {
  return TOKEN_RE.test(value);
}

/** The token in what was pasted, or null when it holds none. */
export function parseShareToken(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  if (isShareToken(text)) return text;
  let path = text;
  try {
    // "matchup.example/c/…" has no scheme: read it as a URL on a placeholder scheme.
    path = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`).pathname;
  } catch {
    // Not a URL at all: look for the path in the text itself.
  }
  const match = PATH_RE.exec(path) ?? PATH_RE.exec(text);
  if (!match) return null;
  let token = match[1]!;
  try {
    token = decodeURIComponent(token);
  } catch {
    return null;
  }
  return isShareToken(token) ? token : null;
}

/** The app path that opens a share link. */
export function sharePath(token: string): string {
  return `/c/${encodeURIComponent(token)}`;
}
