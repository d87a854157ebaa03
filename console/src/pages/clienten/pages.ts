/** The pages of the Cliënten area: one chunk, loaded on first use (see ../lazy.ts). */
export { CaseloadPage } from './caseload.tsx';
export { ClientPage } from './client.tsx';
export { CorrectionRequestsPage } from './correction-requests.tsx';
export { RecordConsentPage } from './consent.tsx';
export { RegisterClientPage } from './register.tsx';
export { TrajectoryPage } from './trajectory.tsx';
