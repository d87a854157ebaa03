/** The Vraag en aanbod page: its own chunk, loaded on first use (see ../lazy.ts). */
export { VraagEnAanbodPage } from './overzicht.tsx';
