/** Answers shared by the fake's REST handlers: GitHub-style errors and pagination. */
import { documentationUrl } from './openapi.js';
import type { RestContext, RestResult } from './fake-rest.js';

export function errorResult(status: number, message: string, operationId?: string): RestResult {
  return {
    status,
    body: {
      message,
      documentation_url: operationId
        ? documentationUrl(operationId)
        : 'https://docs.github.com/rest',
      status: String(status),
    },
  };
}

export const notFound = (ctx: RestContext): RestResult =>
  errorResult(404, 'Not Found', ctx.operationId);
export const invalid = (ctx: RestContext, detail: string): RestResult =>
  errorResult(422, `Invalid request.\n\n${detail}`, ctx.operationId);

/**
 * The custom media type an Accept header asks for (`raw`, `diff`, `object`, …), or null for
 * GitHub's default JSON (`application/json`, `application/vnd.github+json`, `…v3+json`).
 */
export function customMediaType(accept: string | undefined): string | null {
  const m = /application\/vnd\.github(?:\.v3)?\.([a-z][a-z0-9-]*)/i.exec(accept ?? '');
  return m && m[1]!.toLowerCase() !== 'v3' ? m[1]!.toLowerCase() : null;
}

const MAX_COMMENT = 65536;

export function commentTooLong(ctx: RestContext, body: string): RestResult | null {
  if (body.length <= MAX_COMMENT) return null;
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${MAX_COMMENT} characters)`,
        },
      ],
      documentation_url: documentationUrl(ctx.operationId),
      status: '422',
    },
  };
}

/** The repository-scoped part of the path, re-rooted at `/repositories/{id}` as GitHub links. */
export function repoLinkPath(ctx: RestContext): string {
  const rest = ctx.url.pathname.split('/').slice(4).join('/');
  return `/repositories/${ctx.state.repo.id}/${rest}`;
}

/** Pages `items` as GitHub does: per_page ≤ 100 (default 30), Link with `/repositories/{id}`. */
export function paginate<T>(
  ctx: Pick<RestContext, 'url' | 'host'>,
  items: T[],
  linkPath: string,
): { page: T[]; headers: Record<string, string> } {
  const perRaw = Number.parseInt(ctx.url.searchParams.get('per_page') ?? '', 10);
  const perPage = Number.isFinite(perRaw) && perRaw > 0 ? Math.min(perRaw, 100) : 30;
  const pageRaw = Number.parseInt(ctx.url.searchParams.get('page') ?? '', 10);
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(ctx.url.searchParams);
    query.set('page', String(n));
    return `<${ctx.host.apiUrl}${linkPath}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
