/** A console path from the hub: only a path on this origin (never `//host`, `/\host` or a scheme) becomes a link. */
export const consolePath = (path: string): string | null => (/^\/(?![/\\])/.test(path) ? path : null);
