import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

/** CORS_ORIGINS and TRUSTED_DOCUMENTS: the defaults keep today's behaviour, and a bad value stops the start. */

const PRODUCTION = { NODE_ENV: 'production', AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks' }]) };

describe('TRUSTED_DOCUMENTS', () => {
  it('is enforced in production and off in development and tests, unless set', () => {
    expect(loadConfig(PRODUCTION).trustedDocuments.mode).toBe('enforce');
    expect(loadConfig({ NODE_ENV: 'development' }).trustedDocuments.mode).toBe('off');
    expect(loadConfig({ NODE_ENV: 'test' }).trustedDocuments.mode).toBe('off');
    expect(loadConfig({ ...PRODUCTION, TRUSTED_DOCUMENTS: 'log' }).trustedDocuments.mode).toBe('log');
    expect(loadConfig({ NODE_ENV: 'development', TRUSTED_DOCUMENTS: 'enforce' }).trustedDocuments.mode).toBe('enforce');
    expect(loadConfig({ ...PRODUCTION, TRUSTED_DOCUMENTS: '' }).trustedDocuments.mode).toBe('enforce');
  });

  it('refuses any other value', () => {
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'on' })).toThrow(ConfigError);
  });
});

describe('CORS_ORIGINS', () => {
  it('is empty by default: same origin only', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('takes a comma-separated list of origins, a trailing slash tolerated', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://portaal.gemeente.nl , http://localhost:5173/,https://app.example.nl:8443' }).corsOrigins).toEqual([
      'https://portaal.gemeente.nl',
      'http://localhost:5173',
      'https://app.example.nl:8443',
    ]);
  });

  it.each([
    ['a wildcard', '*'],
    ['a wildcard subdomain', 'https://*.example.nl'],
    ['a path', 'https://portaal.gemeente.nl/app'],
    ['another scheme', 'ftp://portaal.gemeente.nl'],
    ['no scheme', 'portaal.gemeente.nl'],
    ['the null origin', 'null'],
    ['upper case, which no browser sends', 'https://Portaal.gemeente.nl'],
  ])('refuses %s', (_label, value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
  });
});
