/** The pages of the Overlegtafel area: one chunk, loaded on first use (see ../lazy.ts). */
export { KnelpuntPage } from './knelpunt.tsx';
export { OverlegtafelPage } from './overview.tsx';
export { ReportSignalPage } from './report.tsx';
export { SignalsPage } from './signals.tsx';
