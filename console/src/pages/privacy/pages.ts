/** The pages of the Privacy area: one chunk, loaded on first use (see ../lazy.ts). */
export { AccessOverviewPage } from './access-overview.tsx';
export { BreakGlassReviewPage } from './break-glass-review.tsx';
export { CorrectionRequestsPage } from '../clienten/correction-requests.tsx';
