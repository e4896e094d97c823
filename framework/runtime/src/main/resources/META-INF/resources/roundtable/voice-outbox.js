// The commands of a voice mesh (used by voice.js), paced below the server's per-member rate limit (a
// burst of offers and candidates to five peers would otherwise exceed it) and retried on rate limits
// and reconnects. A signal keeps its idempotency key across retries, so it is never delivered twice.

const RETRY_CODES = ['rate/limited', 'room/busy', 'client/offline', 'client/timeout'];
const MAX_TRIES = 5;

export class Outbox {
  /** @param client a RoundtableClient; @param perSecond commands per second, also the burst allowed */
  constructor(client, perSecond) {
    this.client = client;
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.refilledAt = performance.now();
    this.queue = [];
  }

  /**
   * Queues a command record; resolves with the server's answer or rejects with its error.
   * @param obsolete () => boolean, checked before sending: true drops the command (rejected as client/obsolete)
   * @param idempotent give the record an idempotency key (commands that accept one: send, act)
   */
  command(record, { obsolete = () => false, idempotent = false } = {}) {
    const item = { record: idempotent ? { ...record, idempotencyKey: randomKey() } : record, obsolete, tries: 0 };
    const done = new Promise((resolve, reject) => Object.assign(item, { resolve, reject }));
    this.queue.push(item);
    this.pump();
    return done;
  }

  /** Drops the queued commands that `match`. */
  discard(match) {
    for (const item of this.queue.filter((i) => match(i.record))) item.reject(obsoleteError());
    this.queue = this.queue.filter((i) => !match(i.record));
  }

  /** Sends what the rate allows now, and schedules the rest; call it again when the socket reopens. */
  pump() {
    if (this.timer) return;
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    while (this.queue.length && this.tokens >= 1 && this.client.status === 'open') {
      const item = this.queue.shift();
      if (item.obsolete()) {
        item.reject(obsoleteError());
        continue;
      }
      this.tokens -= 1;
      this.client.command(item.record).then(item.resolve, (error) => this.#failed(item, error));
    }
    if (this.queue.length && this.client.status === 'open') {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, 1000 / this.perSecond);
    }
  }

  #failed(item, error) {
    if (!RETRY_CODES.includes(error.code) || ++item.tries > MAX_TRIES) {
      item.reject(error);
      return;
    }
    setTimeout(() => {
      this.queue.unshift(item);
      this.pump();
    }, 300 * item.tries);
  }
}

function obsoleteError() {
  return { code: 'client/obsolete', message: 'No longer needed.' };
}

function randomKey() {
  return globalThis.crypto?.randomUUID?.() ?? `k${Date.now()}${Math.random().toString(36).slice(2)}`;
}
