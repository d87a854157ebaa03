import { relative } from 'node:path';
import { buildDist, stageRuntimeFiles } from '@hub/hub/build';

/**
 * npm run build: every service entry compiled to dist/<name>.js (hub/src/build.ts says how).
 * npm run build -- --stage <dir>: also copies everything the services read at run time into <dir>, at the paths the
 * compiled code resolves (the Dockerfile's build stage; run `npm run console:build` first).
 */
const { files, ms } = await buildDist();
console.log(`Built ${files.length} entries into dist/ in ${(ms / 1000).toFixed(1)} s: ${files.map((f) => relative('dist', f)).join(', ')}`);
const stageAt = process.argv.indexOf('--stage');
if (stageAt > 0) {
  const target = process.argv[stageAt + 1];
  if (!target) throw new Error('--stage needs a target folder');
  stageRuntimeFiles(target);
  console.log(`Staged the runtime files in ${target}.`);
}
