import { GEMEENTE_CODE_PATTERN, isUuid } from '@hub/domain';
import { AuthenticationError, bearerToken, type TokenVerifier } from '@hub/identity';
import { headerValue, HttpError, SUBGRAPH_SECRET_HEADER, secretMatches, type RequestScope, type RouteHandler } from '@hub/service-kit';
import type { Context } from '../context.ts';
import { reportCsv, reportPdf } from '../reports/render.ts';
import { providerNameOf, readHalfYearReport, reportDocumentOf } from './service.ts';

/** `GET /downloads/rapportages/<reportId>.csv` or `.pdf`, optionally `?gemeente=GM0153` for one part. */
export const DOWNLOAD_PREFIX = '/downloads/rapportages/';
const DOWNLOAD_PATH = /^\/downloads\/rapportages\/([^/]+)\.(csv|pdf)$/;

/** One answer for "no such report", "not yours", "not your gemeente" and a malformed path: nothing to tell them apart. */
const notFound = () => new HttpError(404, 'NOT_FOUND', 'Not found.');

/** A file name of letters, digits and dashes only, from the provider's (public) name; the id's first part without one. */
function shortNameOf(name: string, organizationId: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || organizationId.slice(0, 8);
}

/**
 * The downloads of half-year reports, beside /graphql. The gateway passes them through with the caller's bearer token
 * (in the Authorization header only, never in the URL) and its secret for this subgraph; both are checked here, and
 * the access is that of `halfYearReport`: an opdrachtgever gets its own gemeenten only, anyone else a 404.
 */
export function createReportDownloadRoute(deps: { secret: string; verifyToken: TokenVerifier; context: (scope: RequestScope) => Context }): RouteHandler {
  return async (req, res, url, scope) => {
    if (!url.pathname.startsWith(DOWNLOAD_PREFIX)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'This path is read-only: use GET.', { allow: 'GET, HEAD' });
    if (!secretMatches(headerValue(req, SUBGRAPH_SECRET_HEADER), deps.secret)) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'This subgraph answers the hub gateway only.');
    }
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', 'A bearer token in the Authorization header is required.', { 'www-authenticate': 'Bearer' });
    let caller: Awaited<ReturnType<TokenVerifier>>;
    try {
      caller = await deps.verifyToken(token);
    } catch (e) {
      if (e instanceof AuthenticationError) throw new HttpError(401, 'UNAUTHENTICATED', e.message, { 'www-authenticate': 'Bearer' });
      throw e;
    }
    if (caller.kind !== 'user') throw notFound();
    const match = DOWNLOAD_PATH.exec(url.pathname);
    const id = match?.[1];
    const format = match?.[2];
    if (!id || !isUuid(id) || (format !== 'csv' && format !== 'pdf')) throw notFound();
    const gemeente = url.searchParams.get('gemeente');
    if (gemeente !== null && !GEMEENTE_CODE_PATTERN.test(gemeente)) {
      throw new HttpError(400, 'BAD_USER_INPUT', 'gemeente must be a gemeente code: GM + 4 digits.');
    }
    const ctx = deps.context({ ...scope, caller });
    const view = await readHalfYearReport(ctx, id);
    if (!view) throw notFound();
    const providerName = await providerNameOf(ctx, view.row.organizationId);
    const doc = await reportDocumentOf(ctx, view, gemeente, providerName);
    if (!doc) throw notFound();
    const body = format === 'csv' ? Buffer.from(reportCsv(doc), 'utf8') : await reportPdf(doc);
    const name = `halfjaarrapportage-${shortNameOf(providerName, view.row.organizationId)}-${view.period.key}${gemeente ? `-${gemeente}` : ''}.${format}`;
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
      'content-disposition': `attachment; filename="${name}"`,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
