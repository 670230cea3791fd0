import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { RequestHandler } from 'express';
import { Server } from 'socket.io';
import { CLIENT_EVENT_NAMES, TRANSPORT_HARD_LIMIT_BYTES } from '../../../shared/index.js';
import type { SocketsEnd } from '../../../shared/index.js';
import type { Log } from '../errors.js';
import { judgeOrigin } from '../http/origin.js';
import type { TrustFn } from '../http/proxy.js';
import type { Commands, MentionNotifier } from '../commands/index.js';
import type { DocumentOps, DocumentService } from '../services/documents/index.js';
import type { PresenceService } from '../services/presence.js';
import type { UserService } from '../services/users.js';
import type { PubSub } from '../storage/index.js';
import { endLocalSockets, linkPresence, listenForSocketsEnd, useClusterAdapter } from './cluster.js';
import { registerDocHandlers } from './docHandlers.js';
import { registerReviewHandlers } from './reviewHandlers.js';
import { eventBoundary } from './boundary.js';
import { boundedParser } from './parser.js';
import type { AnorServer } from './types.js';
import { DOC_ROOM_PREFIX, docRoom, sessionRoom } from './types.js';

export interface SocketDeps {
  httpServer: HttpServer;
  sessionMiddleware: RequestHandler;
  /** Origins besides the server's own that may open a connection. */
  allowedOrigins: ReadonlySet<string>;
  /** Which proxies' X-Forwarded-Proto/-Host to believe when judging the handshake's origin (TRUST_PROXY). */
  trust: TrustFn;
  users: UserService;
  documents: DocumentService;
  ops: DocumentOps;
  commands: Commands;
  notifier: MentionNotifier;
  presence: PresenceService;
  /** With a database, the way to the other nodes; undefined: this node is alone (in-memory adapter). */
  pubsub?: PubSub | undefined;
  log: Log;
}

export interface Sockets {
  io: AnorServer;
  /** Tells the session's connections it ended, then disconnects them. */
  endSession(sessionId: string): void;
  /** The same for every session of a user but one (password change). */
  endUserSessions(userId: string, exceptSessionId: string | null): void;
  /** Stops the presence heartbeat to the other nodes (before io.close()). */
  close(): void;
}

const userRoom = (userId: string): string => `user:${userId}`;

/** The session express-session attached to the handshake request, if it is a signed-in one. */
function sessionOf(req: IncomingMessage): { sessionId: string; userId: string; startedAt: string } | undefined {
  if (!('session' in req) || !('sessionID' in req) || typeof req.sessionID !== 'string') return undefined;
  const s = req.session;
  if (typeof s !== 'object' || s === null || !('userId' in s) || !('startedAt' in s)) return undefined;
  if (typeof s.userId !== 'string' || typeof s.startedAt !== 'string') return undefined;
  return { sessionId: req.sessionID, userId: s.userId, startedAt: s.startedAt };
}

export function attachSockets(deps: SocketDeps): Sockets {
  const { documents, ops, commands, presence, users, log } = deps;
  const io: AnorServer = new Server(deps.httpServer, {
    maxHttpBufferSize: TRANSPORT_HARD_LIMIT_BYTES,
    serveClient: false,
    // Size and depth are judged on the raw packet before it is parsed (parser.ts).
    parser: boundedParser,
    // Every handshake (polling or websocket, any namespace) from a foreign origin is refused with 403:
    // a page on another site must not ride the user's cookie into a connection.
    allowRequest: (req, callback) => {
      const verdict = judgeOrigin(req, deps.allowedOrigins, deps.trust);
      callback(verdict.ok ? null : 'forbidden_origin', verdict.ok);
    },
  });
  // Rooms, broadcasts and disconnectSockets() then span every node on the database (cluster.ts).
  if (deps.pubsub) useClusterAdapter(io, deps.pubsub, log);
  const boundary = eventBoundary(new Set(CLIENT_EVENT_NAMES), log);

  // The REST session cookie authenticates the handshake too (HTTP polling and websocket upgrade).
  io.engine.use(deps.sessionMiddleware);

  io.use((socket, next) => {
    const session = sessionOf(socket.request);
    if (!session) {
      next(new Error('unauthenticated'));
      return;
    }
    users.sessionUser(session.userId, session.startedAt).then(
      (user) => {
        if (!user) {
          next(new Error('unauthenticated'));
          return;
        }
        socket.data.user = { id: user.id, displayName: user.displayName };
        socket.data.sessionId = session.sessionId;
        next();
      },
      (err: unknown) => {
        log(`socket auth failed: ${String(err)}`);
        next(new Error('internal'));
      },
    );
  });

  io.on('connection', (socket) => {
    void socket.join(sessionRoom(socket.data.sessionId));
    void socket.join(userRoom(socket.data.user.id));
    socket.use(boundary);
    registerDocHandlers(socket, { documents, ops, commands, presence, users, log });
    registerReviewHandlers(socket, { reads: documents.reads, ops, commands, users, log });
    // `disconnecting`: the rooms are still there to say which documents this connection held.
    socket.on('disconnecting', () => {
      for (const room of socket.rooms)
        if (room.startsWith(DOC_ROOM_PREFIX)) documents.registry.release(room.slice(DOC_ROOM_PREFIX.length), socket.id);
    });
    socket.on('disconnect', () => presence.leaveAll(socket.id));
  });

  deps.notifier.onMention((userId, n) => io.to(userRoom(userId)).emit('notification:mention', n));

  // Every durable event goes to the whole room, the sender included: the
  // sender needs the event to advance its seq, and clients drop any event
  // whose seq they already have (e.g. one that was in their join snapshot).
  // To this node's sockets only: with several nodes, each node's engine
  // publishes every event of the documents it holds (its own commits and the
  // others', read from the table in seq order), while an adapter's broadcast
  // would give no order between two nodes' emits.
  documents.engine.onCommitted((docId, events) => {
    const room = docRoom(docId);
    // Nobody can be in a document's room before its creation is acknowledged, and encoding the creation
    // event of a document made from a 16 MB file (all its paragraphs) for an empty room takes a few hundred ms.
    for (const ev of events) if (ev.type !== 'document.created') io.local.to(room).emit('doc:event', ev);
    if (events.some((ev) => ev.type === 'document.deleted')) {
      io.local.in(room).socketsLeave(room);
      presence.drop(docId);
    }
  });

  // A copy read again whole (sharedCommits.ts, `reread`) skipped events this node never sent: its sockets in the room
  // would keep the old document until an event showed them a gap. Told now, they rejoin since their seq and get a
  // snapshot of the new copy (its ring is empty). Found deleted, the rejoin answers document_not_found (the editor's
  // "deleted" screen; a document.deleted event would need the seq this node never saw), and the room goes as on deletion.
  documents.engine.onReread((docId, doc) => {
    const room = docRoom(docId);
    io.local.to(room).emit('doc:stale', { docId });
    if (doc) return;
    io.local.in(room).socketsLeave(room);
    presence.drop(docId);
  });

  // Each node tells its own sockets the whole room (its entries and the other nodes'): see PresenceService.
  presence.onChange((docId, entries) => io.local.to(docRoom(docId)).emit('presence:state', { docId, entries }));
  const unlinkPresence = deps.pubsub ? linkPresence(io, presence, log) : () => {};

  // On this node, then on every other one (cluster.ts): told first, then closed.
  const endSockets = (what: SocketsEnd): void => {
    endLocalSockets(io, what);
    if (deps.pubsub) io.serverSideEmit('sockets:end', what);
  };
  if (deps.pubsub) listenForSocketsEnd(io, log);
  return {
    io,
    endSession(sessionId) {
      endSockets({ room: sessionRoom(sessionId), except: null, close: false });
    },
    endUserSessions(userId, exceptSessionId) {
      endSockets({ room: userRoom(userId), except: exceptSessionId === null ? null : sessionRoom(exceptSessionId), close: true });
    },
    close: unlinkPresence,
  };
}
