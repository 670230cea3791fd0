/**
 * Share-link names the browser needs, apart from share.ts so that importing
 * them does not pull zod into the client bundle.
 */
export const PUBLIC_NAMESPACE = '/public';
