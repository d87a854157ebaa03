/** The pages of the Warme overdracht area: one chunk, loaded on first use (see ../lazy.ts). */
export { HandoverDetailPage } from './detail.tsx';
export { HandoverListPage } from './list.tsx';
export { NewHandoverPage } from './new.tsx';
