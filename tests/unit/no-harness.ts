/**
 * Stands in for `@hub/testing` in the unit tier (vitest.config.ts): a test that boots a hub or a database belongs in
 * another tier, and importing the harness from a unit test fails loudly here.
 */
throw new Error('Unit tests boot no hub and no database: move a test that needs @hub/testing out of the unit tier.');
