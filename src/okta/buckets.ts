/**
 * Okta rate-limit buckets of the endpoints this project calls. Each bucket has its own limit and window,
 * so the client paces every bucket separately.
 */
export type BucketName = 'apps-id' | 'apps-star' | 'apps-list' | 'token' | 'other';

export const BUCKET_NAMES: readonly BucketName[] = ['apps-id', 'apps-star', 'apps-list', 'token', 'other'];

/** The bucket of a request, from its method and URL path (query ignored). */
export function bucketOf(method: string, path: string): BucketName {
  const pathname = path.split('?')[0]!.replace(/\/+$/, '');
  if (pathname === '/oauth2/v1/token') return 'token';
  if (pathname === '/api/v1/apps') return 'apps-list';
  const rest = /^\/api\/v1\/apps\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!rest) return 'other';
  // Okta's "/api/v1/apps/{id}" bucket is for reading one app; everything below it is "/api/v1/apps/*".
  if (rest[2] === undefined) return method.toUpperCase() === 'GET' ? 'apps-id' : 'apps-star';
  return 'apps-star';
}
