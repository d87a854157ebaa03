/** The BSN keys' tools for processes besides the subgraph (npm run keys:rotate): the cipher and the rotation job. */
export { BsnCipherError, createBsnCipher, type BsnCipher } from './bsn-crypto.ts';
export { bsnRotationProgress, rotateBsnBatch, rotateBsnKeys, type RotationProgress, type RotationResult } from './bsn-key-rotation.ts';
