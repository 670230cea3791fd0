import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, login, request } from '../helpers/http.js';
import { NODE_ADMIN_PASSWORD, startCluster, ACROSS_NODES } from '../helpers/processes.js';
import type { Cluster } from '../helpers/processes.js';
import { connect } from '../helpers/sockets.js';
import type { TestSocket } from '../helpers/sockets.js';

/**
 * Two real `anor serve` processes on one database. A session signed in on
 * one node may hold sockets on the other (the load balancer sends each
 * connection where it likes): ending the session on one node ends its sockets
 * on every node, and leaves everyone else's alone.
 */
describe('sessions across two nodes', () => {
  let cluster: Cluster;
  let a: string;
  let b: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    const admin = await login(a, 'admin', NODE_ADMIN_PASSWORD);
    await data(a, 'POST', '/api/users', { cookie: admin, json: { username: 'dana', password: 'dana-password' } });
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster.close();
  }, 60_000);

  /** A socket of the session `cookie` on node `url`, recording session:ended. */
  const open = async (url: string, cookie: string) => {
    const socket = await connect(url, cookie);
    sockets.push(socket);
    const ended: unknown[] = [];
    socket.on('session:ended', (p) => ended.push(p));
    return { socket, ended };
  };

  it('signing out on node A ends that session’s sockets on node B, and only those', async () => {
    const laptop = await login(a, 'dana', 'dana-password');
    const phone = await login(b, 'dana', 'dana-password');
    const laptopOnB = await open(b, laptop);
    const laptopOnA = await open(a, laptop);
    const phoneOnA = await open(a, phone);

    expect((await request(a, 'POST', '/api/auth/logout', { cookie: laptop })).status).toBe(200);

    await expect.poll(() => laptopOnB.ended, ACROSS_NODES).toEqual([{ code: 'unauthenticated' }]);
    await expect.poll(() => laptopOnB.socket.connected, ACROSS_NODES).toBe(false);
    await expect.poll(() => laptopOnA.socket.connected, ACROSS_NODES).toBe(false);
    // The other session goes on, on both nodes.
    expect(phoneOnA.socket.connected).toBe(true);
    expect(phoneOnA.ended).toEqual([]);
    expect((await request(b, 'GET', '/api/auth/me', { cookie: phone })).status).toBe(200);
    expect((await request(b, 'GET', '/api/auth/me', { cookie: laptop })).status).toBe(401);
  });

  it('a password changed on node B ends the user’s other sessions on node A, and keeps the one that changed it', async () => {
    const desk = await login(b, 'dana', 'dana-password');
    const tablet = await login(a, 'dana', 'dana-password');
    const tabletOnA = await open(a, tablet);
    const tabletOnB = await open(b, tablet);
    const deskOnA = await open(a, desk);

    const changed = await request(b, 'POST', '/api/auth/password', {
      cookie: desk,
      json: { currentPassword: 'dana-password', newPassword: 'dana-new-password' },
    });
    expect(changed.status).toBe(200);

    await expect.poll(() => tabletOnA.ended, ACROSS_NODES).toEqual([{ code: 'unauthenticated' }]);
    await expect.poll(() => tabletOnA.socket.connected, ACROSS_NODES).toBe(false);
    await expect.poll(() => tabletOnB.socket.connected, ACROSS_NODES).toBe(false);
    // The socket of the session that changed it (its id was renewed, its sockets stay) was not told to go.
    expect(deskOnA.ended).toEqual([]);
    expect(deskOnA.socket.connected).toBe(true);
  });
});
