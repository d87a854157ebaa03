import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export interface EnvFileResult {
  /** The file read, absolute; undefined when there was none (a missing .env is fine). */
  path: string | undefined;
  /** Variables taken from the file. */
  applied: string[];
  /** Variables the file also sets but the real environment already had: the environment wins. */
  overridden: string[];
}

/**
 * Reads a dotenv file (default `.env` in the working directory) into `env` for `npm start`, `npm run migrate`,
 * `npm run token` and the import scripts, so the settings an operator copied from .env.example apply without
 * exporting them. A variable already set in the environment keeps its value; a missing file changes nothing.
 * Parsing is Node's own (`util.parseEnv`, the `--env-file` syntax). Values are never printed: they hold secrets.
 */
export function loadEnvFile(path = '.env', env: NodeJS.ProcessEnv = process.env): EnvFileResult {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { path: undefined, applied: [], overridden: [] };
    throw error;
  }
  const applied: string[] = [];
  const overridden: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) overridden.push(name);
    else {
      env[name] = value;
      applied.push(name);
    }
  }
  return { path: absolute, applied, overridden };
}
