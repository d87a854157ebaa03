import { BenchDataError } from './errors.ts';

/**
 * Dataset sizes. `national` is the whole country at the scale of a mature hub; every other scale is a fraction of it,
 * so a test at 0.002 exercises exactly the code and the proportions of the national run.
 */

export interface BenchScale {
  /** "national", "small", or the fraction as given (e.g. "0.002"). */
  label: string;
  /** Fraction of the national dataset. */
  fraction: number;
}

/** National volumes; the other tables follow from the clients (see plan.ts for the proportions). */
const NATIONAL = {
  clients: 500_000,
  /** Signals reported by professionals; referral gap events add roughly 20,000 more. */
  reportedSignals: 42_000,
  /** The sociale kaart demo scale that gives 31,165 services (20 providers per region × 15). */
  socialeKaartScale: 15,
} as const;

const SMALL_FRACTION = 0.01;

/** Parses the --scale argument: national (default), small, or a fraction of national in (0, 10]. */
export function parseScale(text: string | undefined): BenchScale {
  const value = (text ?? 'national').trim();
  if (value === 'national') return { label: 'national', fraction: 1 };
  if (value === 'small') return { label: 'small', fraction: SMALL_FRACTION };
  const fraction = Number(value);
  if (!/^\d*\.?\d+(?:e-?\d+)?$/i.test(value) || !Number.isFinite(fraction) || fraction <= 0 || fraction > 10) {
    throw new BenchDataError(`--scale must be national, small or a fraction of national in (0, 10], e.g. 0.01; got "${value}"`);
  }
  return { label: value, fraction };
}

export interface Volumes {
  clients: number;
  reportedSignals: number;
  socialeKaartScale: number;
}

export function volumesOf(scale: BenchScale): Volumes {
  return {
    clients: Math.max(1, Math.round(NATIONAL.clients * scale.fraction)),
    reportedSignals: Math.max(1, Math.round(NATIONAL.reportedSignals * scale.fraction)),
    socialeKaartScale: NATIONAL.socialeKaartScale * scale.fraction,
  };
}
