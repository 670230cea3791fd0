import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { TRANSPORT_HARD_LIMIT_BYTES } from '../shared/index.js';

/**
 * The baseline: a bare Socket.IO server that only rebroadcasts. Same event names
 * as Anor's; each edit goes out to the room as it came in (docId, paragraphId,
 * lang, opId, baseRev, text: about the size of Anor's DocEvent), so peers decode
 * as much as they do from Anor. No validation, no storage, no auth.
 */
const port = Number(process.env.PORT ?? 0);
const httpServer = createServer();
const io = new Server(httpServer, { maxHttpBufferSize: TRANSPORT_HARD_LIMIT_BYTES });
io.on('connection', (socket) => {
  socket.on('doc:join', (payload: { docId: string }, ack: (r: unknown) => void) => {
    void socket.join(payload.docId);
    ack({ ok: true, data: { mode: 'events', events: [], presence: [] } });
  });
  socket.on('cell:edit', (payload: { docId: string; opId: string; text: string }, ack: (r: unknown) => void) => {
    ack({ ok: true, data: { outcome: 'applied' } });
    io.to(payload.docId).emit('doc:event', payload);
  });
});
httpServer.listen(port, () => {
  const addr = httpServer.address();
  console.log(`relay listening on ${typeof addr === 'object' && addr ? addr.port : port}`);
});
