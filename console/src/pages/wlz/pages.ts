/** The pages of the worklist "nieuwe indicaties" (zorgkantoor): one chunk, loaded on first use (see ../lazy.ts). */
export { WorklistItemPage } from './item.tsx';
export { WorklistPage } from './worklist.tsx';
