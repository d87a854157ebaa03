import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { REPOSITORY_ROOT } from '@hub/hub';

/**
 * .env.example documents every variable the configuration reads, with a default that the
 * configuration accepts. The variables are read from the config module's source, so a new one
 * there fails this test until it is documented.
 */

const configSource = readFileSync(join(REPOSITORY_ROOT, 'packages', 'config', 'src', 'config.ts'), 'utf8');
const composeText = readFileSync(join(REPOSITORY_ROOT, 'docker-compose.yml'), 'utf8');
const example = readFileSync(join(REPOSITORY_ROOT, '.env.example'), 'utf8');

const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');

function variablesReadByConfig(): string[] {
  const schema = /const baseSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(configSource)?.[1] ?? '';
  const base = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] ?? '');
  // Per-subgraph variables are read through templates such as env[`${key}_PORT`] and env[`SUBGRAPH_SECRET_${key}`].
  const suffixes = [...configSource.matchAll(/env\[`\$\{key\}(_[A-Z0-9_]+)`\]/g)].map((m) => m[1] ?? '');
  const prefixes = [...configSource.matchAll(/env\[`([A-Z0-9_]+_)\$\{key\}`\]/g)].map((m) => m[1] ?? '');
  const perSubgraph = SUBGRAPH_NAMES.flatMap((name) => [...suffixes.map((s) => envKey(name) + s), ...prefixes.map((p) => p + envKey(name))]);
  return [...base, ...perSubgraph];
}

/** `NAME=value` lines, commented out or not. */
const documented = [...example.matchAll(/^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => ({
  active: m[1] === undefined,
  name: m[2] ?? '',
  value: m[3] ?? '',
}));
const documentedNames = new Set(documented.map((d) => d.name));

describe('.env.example', () => {
  const read = variablesReadByConfig();

  it('finds the variables the configuration reads', () => {
    expect(read).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'GATEWAY_PORT', 'AUTH_ISSUERS']));
    for (const name of SUBGRAPH_NAMES) expect(read).toEqual(expect.arrayContaining([`${envKey(name)}_PORT`, `SUBGRAPH_SECRET_${envKey(name)}`]));
  });

  it('lists every variable the configuration reads', () => {
    const missing = read.filter((name) => !documentedNames.has(name));
    expect(missing).toEqual([]);
  });

  it('lists nothing that neither the configuration nor docker-compose uses', () => {
    const usedByCompose = new Set([...composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] ?? ''));
    const stale = [...documentedNames].filter((name) => !read.includes(name) && !usedByCompose.has(name));
    expect(stale).toEqual([]);
  });

  it('gives every variable a comment', () => {
    const lines = example.split('\n');
    for (const { name } of documented) {
      const index = lines.findIndex((line) => new RegExp(`^#?\\s*${name}=`).test(line));
      const above = lines
        .slice(0, index)
        .reverse()
        .find((line) => !/^#?\s*[A-Z][A-Z0-9_]*=/.test(line));
      expect(above, `${name} needs a comment above it`).toMatch(/^# \S/);
    }
  });

  it('shows defaults the configuration accepts', () => {
    for (const { name, value } of documented.filter((d) => !d.active && read.includes(d.name))) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).not.toThrow();
    }
  });

  it('works as a .env for development as it stands (required values left empty are generated)', () => {
    const env = Object.fromEntries(documented.filter((d) => d.active).map((d) => [d.name, d.value]));
    expect(Object.values(env).every((v) => v === '')).toBe(true);
    expect(() => loadConfig(env)).not.toThrow();
  });
});
