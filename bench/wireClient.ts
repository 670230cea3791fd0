import WebSocket from 'ws';

/**
 * A load generator that speaks the Socket.IO v4 wire protocol directly over a
 * WebSocket, for the throughput benchmark. socket.io-client decodes every
 * broadcast into objects; ten of them in one process cost the harness as much
 * CPU as the server under test, so the figure would measure the harness. This
 * client sends real Socket.IO packets, parses only acks, and counts broadcast
 * frames without decoding them. Anor and the bare relay get the same clients.
 *
 * Frames: engine.io `0` open, `2` ping → `3` pong, `4` message; Socket.IO inside
 * a message: `0` connect, `2[id]` event, `3id` ack, `4` connect error.
 */
export class WireClient {
  private nextId = 0;
  private readonly acks = new Map<number, (data: unknown) => void>();
  /** Broadcast events received (frames, not decoded). */
  events = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.onFrame(data.toString()));
  }

  static connect(url: string, cookie: string | null): Promise<WireClient> {
    const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(wsUrl, cookie ? { headers: { cookie } } : {});
    const client = new WireClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.on('message', function onOpen(data: Buffer) {
        const frame = data.toString();
        if (frame.startsWith('0{')) ws.send('40');
        else if (frame.startsWith('40')) {
          ws.off('message', onOpen);
          resolve(client);
        } else if (frame.startsWith('44')) reject(new Error(`connect refused: ${frame.slice(2)}`));
      });
    });
  }

  emit(event: string, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws.close();
  }

  private onFrame(frame: string): void {
    if (frame === '2') {
      this.ws.send('3');
      return;
    }
    if (frame.startsWith('42')) {
      this.events++;
      return;
    }
    if (frame.startsWith('43')) {
      const bracket = frame.indexOf('[');
      const id = Number(frame.slice(2, bracket));
      const done = this.acks.get(id);
      if (!done) return;
      this.acks.delete(id);
      done((JSON.parse(frame.slice(bracket)) as unknown[])[0]);
    }
  }
}
