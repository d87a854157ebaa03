/**
 * Referral deadlines: whole Dutch days, counted in working days (Monday to Friday, not on Dutch public holidays) by
 * the shared calendar of @hub/domain.
 */
export { addWorkingDays, amsterdamDate, daysBetween } from '@hub/domain';

export interface DeadlineState {
  status: string;
  respondBy: string | null;
  startBy: string | null;
}

/** Overdue: still REQUESTED after the respond-by day, or still ACCEPTED (not started) after the start-by day. */
export function isOverdue(r: DeadlineState, today: string): boolean {
  if (r.status === 'REQUESTED' && r.respondBy) return today > r.respondBy;
  if (r.status === 'ACCEPTED' && r.startBy) return today > r.startBy;
  return false;
}
