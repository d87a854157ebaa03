/** The page of a single-use link from an e-mail (no sign-in): one chunk, loaded on first use (see ../lazy.ts). */
export { LightLinkPage } from './link.tsx';
