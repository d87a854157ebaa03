/** The pages of the client's own area: one chunk, loaded on first use (see ../lazy.ts). */
export { MyAccessLogPage } from './access-log.tsx';
export { MyConsentsPage } from './consents.tsx';
export { MyDataPage } from './my-data.tsx';
export { MySupportPage } from './support.tsx';
