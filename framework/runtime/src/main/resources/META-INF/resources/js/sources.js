// Where a room's frames come from. A member uses the Roundtable client (one WebSocket, patches,
// resume). An anonymous watcher polls GET /api/rooms/{room}/spectate. Both look alike to the room
// shell: `frame`, `status`, and the events 'frame', 'status', 'error' (and 'message' for members).
import { RoundtableClient, RoundtableError } from '/roundtable/client.js';

/** Test hook and debugging aid: the last frames this page received, oldest first. */
function record(frame) {
  const frames = (window.__roundtableFrames ??= []);
  frames.push(structuredClone(frame));
  if (frames.length > 400) frames.splice(0, frames.length - 400);
}

/** Test hook and debugging aid: the last errors this page's client reported ("code: sentence"), oldest first. */
function recordError(error) {
  const errors = (window.__roundtableErrors ??= []);
  errors.push(`${error?.code ?? '?'}: ${error?.message ?? ''}`);
  if (errors.length > 100) errors.splice(0, errors.length - 100);
}

/**
 * A member's live connection. Loads the inbox history first, so a reload still shows the chat; that
 * request also tells whether the remembered seat is still valid ({client: null, gone: error} if not).
 */
export async function memberSource(room, seat) {
  const client = new RoundtableClient({ room, token: seat.token });
  try {
    const response = await fetch(`/api/rooms/${encodeURIComponent(room)}/inbox?after=0`,
      { headers: { Authorization: `Bearer ${seat.token}` } });
    if (response.ok) client.inbox = (await response.json()).messages ?? [];
    else if ([401, 404, 409].includes(response.status)) {
      const body = await response.json().catch(() => null);
      return { client: null, gone: body?.error ?? { code: `http/${response.status}` } };
    }
  } catch {
    // No history: the socket still delivers everything not yet acknowledged.
  }
  client.addEventListener('frame', () => record(client.frame));
  client.addEventListener('error', (event) => recordError(event.detail));
  client.addEventListener('resync', ({ detail }) => recordError({ code: 'client/resync',
    message: `a patch from version ${detail.from} to ${detail.version} did not apply to version ${detail.held}` }));
  window.__roundtable = { client, room, member: seat.member };
  return { client, gone: null };
}

/** An anonymous spectator's view, polled. Nothing here can act or chat. */
export class PollingSource extends EventTarget {
  constructor(room, every = 1500) {
    super();
    this.room = room;
    this.every = every;
    this.frame = null;
    this.version = -1;
    this.status = 'idle';
    this.inbox = [];
    this.readOnly = true;
  }

  connect() {
    this.stopped = false;
    this.#set('connecting');
    this.#poll();
    return this;
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.#set('closed');
  }

  async #poll() {
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(this.room)}/spectate`);
      const body = await response.json().catch(() => null);
      if (response.status === 404) {
        this.#emit('error', new RoundtableError({ code: 'close/4404', message: body?.error?.message ?? 'This room no longer exists.' }));
        this.close();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (this.status !== 'open') this.#set('open');
      if (body.version !== this.version) {
        this.version = body.version;
        this.frame = body.frame;
        record(this.frame);
        this.#emit('frame', this.frame);
      }
    } catch {
      if (this.status !== 'reconnecting') this.#set('reconnecting');
    }
    if (!this.stopped) this.timer = setTimeout(() => this.#poll(), this.every);
  }

  #set(status) {
    this.status = status;
    this.#emit('status', status);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
