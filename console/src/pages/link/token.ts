/** A link token as the hub makes them (base64url); anything else is not sent to the hub at all. */
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

/** The token in a URL fragment (`#<token>`), or null when it is not one. */
export function tokenFromFragment(hash: string): string | null {
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  return TOKEN.test(token) ? token : null;
}
