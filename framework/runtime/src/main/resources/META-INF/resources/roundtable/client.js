// Roundtable browser client: a plain ES module, no build step.
//
//   import { RoundtableClient } from '/roundtable/client.js';
//   const client = new RoundtableClient({ room, token });
//   client.addEventListener('frame', () => render(client.frame));
//   client.addEventListener('message', (e) => showMessage(e.detail));
//   client.connect();
//   await client.act({ type: 'vote', vote: 'approve' });
//
// It reconnects with backoff and resumes from the last version and inbox sequence it holds, applies
// patches, keeps the inbox, answers every command with a promise, and reports typed errors.
import { applyPatch } from './jsonpatch.js';

export class RoundtableError extends Error {
  constructor({ code, message, version }) {
    super(message);
    this.code = code;
    this.version = version;
  }
}

export class RoundtableClient extends EventTarget {
  constructor({ room, token, base = location.origin, pingEvery = 10000, maxBackoff = 15000 }) {
    super();
    this.room = room;
    this.token = token;
    this.base = base;
    this.pingEvery = pingEvery;
    this.maxBackoff = maxBackoff;
    this.frame = null;
    this.version = -1;
    this.seen = -1; // the version of the last frame shown (kept while a resync fetches a fresh one)
    this.inbox = [];
    this.status = 'idle';
    this.pending = new Map();
    this.refs = 0;
    this.attempts = 0;
    this.closedByUs = false;
  }

  /** The member id this client speaks for (known once the first frame arrived). */
  get member() {
    return this.frame?.me?.member ?? null;
  }

  get lastInboxSeq() {
    return this.inbox.length ? this.inbox[this.inbox.length - 1].seq : null;
  }

  connect() {
    this.closedByUs = false;
    const url = new URL(`/ws/rooms/${encodeURIComponent(this.room)}`, this.base.replace(/^http/, 'ws'));
    url.searchParams.set('token', this.token);
    url.searchParams.set('protocol', '2'); // patches carry their events and the reply to our own command
    if (this.version >= 0) url.searchParams.set('version', String(this.version));
    if (this.lastInboxSeq !== null) url.searchParams.set('inbox', String(this.lastInboxSeq));
    this.#setStatus(this.attempts === 0 && this.version < 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.#setStatus('open');
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.#send({ type: 'ping' }).catch(() => {}), this.pingEvery);
    };
    socket.onmessage = (event) => this.#receive(JSON.parse(event.data));
    socket.onclose = (event) => this.#closed(event);
    return this;
  }

  close() {
    this.closedByUs = true;
    clearInterval(this.pinger);
    clearTimeout(this.retry);
    this.socket?.close(1000, 'bye');
    this.#setStatus('closed');
  }

  /** expectedVersion: by default the version of the frame the player last saw (none before the first). */
  act(action, { expectedVersion = this.seen >= 0 ? this.seen : undefined, idempotencyKey = randomKey() } = {}) {
    return this.#send({ type: 'act', action, expectedVersion, idempotencyKey });
  }

  ready(ready = true) {
    return this.#send({ type: 'ready', ready });
  }

  say(text, to = { kind: 'room' }) {
    return this.#send({ type: 'send', to, text, idempotencyKey: randomKey() });
  }

  ack(upTo = this.lastInboxSeq) {
    return upTo === null ? Promise.resolve() : this.#send({ type: 'ack', upTo });
  }

  leave() {
    return this.#send({ type: 'leave' });
  }

  kick(member) {
    return this.#send({ type: 'kick', member });
  }

  /**
   * Sends any command record; resolves with {version, replayed} (replayed: an earlier command with the
   * same idempotency key was answered again, not applied again) or rejects with a RoundtableError.
   */
  command(record) {
    return this.#send(record);
  }

  #send(record) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new RoundtableError({ code: 'client/offline', message: 'Not connected; retrying soon.' }));
    }
    const ref = `c${++this.refs}`;
    this.socket.send(JSON.stringify({ ...record, ref }));
    return new Promise((resolve, reject) => {
      this.pending.set(ref, { resolve, reject });
      setTimeout(() => {
        if (this.pending.delete(ref)) reject(new RoundtableError({ code: 'client/timeout', message: 'No answer from the server.' }));
      }, 15000);
    });
  }

  #receive(frame) {
    switch (frame.type) {
      case 'snapshot':
        this.frame = frame.frame;
        this.version = frame.version;
        this.seen = frame.version;
        this.#emit('frame', this.frame);
        break;
      case 'patch':
        if (frame.from === this.version && this.frame !== null && this.#patched(frame)) {
          this.#emit('frame', this.frame);
        } else if (this.frame !== null) { // (while a resync is under way, the snapshot is coming)
          this.#emit('resync', { from: frame.from, version: frame.version, held: this.version });
          this.#resync();
        }
        // Protocol 2: the change's events, and the answer to our own command, ride on its patch.
        if (frame.events) this.#emit('events', { type: 'events', version: frame.version, events: frame.events });
        if (frame.reply) this.#answer(frame.reply);
        break;
      case 'synced':
        this.version = frame.version;
        this.seen = frame.version;
        break;
      case 'message':
        if (this.lastInboxSeq === null || frame.message.seq > this.lastInboxSeq) {
          this.inbox.push(frame.message);
          this.#emit('message', frame.message);
        }
        break;
      case 'gap':
        this.#emit('gap', frame);
        break;
      case 'events':
        this.#emit('events', frame);
        break;
      case 'pong':
        this.#settle(frame.ref, { serverTime: frame.serverTime });
        break;
      case 'reply':
        this.#answer(frame);
        break;
      case 'error':
        this.#emit('error', new RoundtableError(frame.error));
        break;
      default:
        break;
    }
  }

  #patched(patch) {
    try {
      this.frame = applyPatch(this.frame, patch.ops);
      this.frame.room.version = patch.version; // patches leave the version to the message
      this.version = patch.version;
      this.seen = patch.version;
      return true;
    } catch (e) {
      return false;
    }
  }

  #answer(reply) {
    const waiting = this.pending.get(reply.ref);
    if (!waiting) return;
    this.pending.delete(reply.ref);
    if (reply.ok) waiting.resolve({ version: reply.version, replayed: reply.replayed === true });
    else {
      const error = new RoundtableError(reply.error);
      waiting.reject(error);
      this.#emit('error', error);
    }
  }

  #settle(ref, value) {
    const waiting = ref && this.pending.get(ref);
    if (waiting) {
      this.pending.delete(ref);
      waiting.resolve(value);
    }
  }

  #resync() {
    this.frame = null;
    this.version = -1;
    this.socket?.send(JSON.stringify({ type: 'sync', inbox: this.lastInboxSeq }));
  }

  #closed(event) {
    clearInterval(this.pinger);
    for (const { reject } of this.pending.values()) {
      reject(new RoundtableError({ code: 'client/offline', message: 'The connection dropped.' }));
    }
    this.pending.clear();
    const final = { 4401: 'You are no longer a member of this room.', 4404: 'The room no longer exists.' };
    if (this.closedByUs || final[event.code]) {
      this.#setStatus('closed');
      if (final[event.code]) this.#emit('error', new RoundtableError({ code: `close/${event.code}`, message: final[event.code] }));
      return;
    }
    const delay = Math.min(this.maxBackoff, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts++;
    this.#setStatus('reconnecting');
    this.retry = setTimeout(() => this.connect(), delay);
  }

  #setStatus(status) {
    this.status = status;
    this.#emit('status', status);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function randomKey() {
  return globalThis.crypto?.randomUUID?.() ?? `k${Date.now()}${Math.random().toString(36).slice(2)}`;
}

/** REST helpers for the lobby (no token needed) and for joining. */
export const lobby = {
  async games(base = location.origin) {
    return json(await fetch(`${base}/api/games`));
  },
  async rooms({ game, open } = {}, base = location.origin) {
    const q = new URLSearchParams();
    if (game) q.set('game', game);
    if (open !== undefined) q.set('open', String(open));
    return json(await fetch(`${base}/api/rooms?${q}`));
  },
  async create({ game, options, bots = 0, voice = false }, base = location.origin) {
    return json(await post(`${base}/api/rooms`, { game, options, bots, voice }));
  },
  async join(room, { name, spectator = false, client }, base = location.origin) {
    return json(await post(`${base}/api/rooms/${encodeURIComponent(room)}/members`, { name, spectator, client }));
  },
  async spectate(room, base = location.origin) {
    return json(await fetch(`${base}/api/rooms/${encodeURIComponent(room)}/spectate`));
  },
};

function post(url, body) {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function json(response) {
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new RoundtableError(body?.error ?? { code: 'http/' + response.status, message: response.statusText });
  }
  return body;
}
