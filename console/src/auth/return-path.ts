/**
 * Where to go after signing in: the page that asked for it. Kept in memory, not in the URL (`?returnTo=` would put
 * a path in browser history and in logs, and invites open-redirect tricks).
 */
let returnPath: string | undefined;

export function rememberReturnPath(path: string): void {
  returnPath = path.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

export function takeReturnPath(): string | undefined {
  const path = returnPath;
  returnPath = undefined;
  return path;
}
