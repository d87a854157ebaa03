/** The pages of the Rapportages area: one chunk, loaded on first use (see ../lazy.ts). */
export { CommissionsPage } from './commissions.tsx';
export { RapportagesPage } from './overview.tsx';
export { HalfYearReportPage } from './report.tsx';
