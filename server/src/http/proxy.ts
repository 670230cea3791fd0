import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyaddr from 'proxy-addr';

/**
 * Behind a load balancer the connection comes from the proxy: who the client
 * is (X-Forwarded-For), how it reached us (X-Forwarded-Proto) and which host
 * it asked for (X-Forwarded-Host) are headers, to be believed only when the
 * hop that sent them is trusted (TRUST_PROXY). One trust function decides for
 * Express (`req.ip`, `req.secure`, hence Secure session cookies), the origin
 * check and the Socket.IO handshakes, with Express's own rules.
 */

/** TRUST_PROXY: off, every hop, the number of hops in front of Anor, or addresses/subnets/names (`loopback`, `uniquelocal`…). */
export type TrustProxySetting = boolean | number | string[];

/** Whether the hop at `addr`, `hop` steps from this server (0 = the connection itself), may be believed. */
export type TrustFn = (addr: string, hop: number) => boolean;

/** `TRUST_PROXY` as written: unset, empty or `false` is off; `true`; a hop count; or a comma-separated list. Throws on a bad address. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/u.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  proxyaddr.compile(list); // throws TypeError on anything that is not an address, a subnet or a known name
  return list;
}

/** The same trust function Express would compile from the setting. */
export function compileTrust(setting: TrustProxySetting): TrustFn {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_addr, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/** Trusts nothing: the connection and Host decide (no TRUST_PROXY). */
export const TRUST_NOTHING: TrustFn = () => false;

function firstValue(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  const first = raw?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

function trustsConnection(req: IncomingMessage, trust: TrustFn): boolean {
  return trust(req.socket.remoteAddress ?? '', 0);
}

/** `http` or `https` as the client used it: X-Forwarded-Proto from a trusted hop, else the connection (Express's `req.protocol`). */
export function requestProtocol(req: IncomingMessage, trust: TrustFn): string {
  const own = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  if (!trustsConnection(req, trust)) return own;
  return firstValue(req.headers['x-forwarded-proto']) ?? own;
}

/** The host (and port) the client asked for: X-Forwarded-Host from a trusted hop, else Host (Express's `req.host`). */
export function requestHost(req: IncomingMessage, trust: TrustFn): string | undefined {
  const forwarded = trustsConnection(req, trust) ? firstValue(req.headers['x-forwarded-host']) : undefined;
  return forwarded ?? req.headers.host;
}

/** The client's address: the nearest untrusted hop of X-Forwarded-For (Express's `req.ip`). */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  return proxyaddr(req, trust);
}
