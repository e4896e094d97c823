// What this browser remembers: a display name, a stable random client id (one membership per client
// and room), and the seat token of every room it joined — so a reload or a lost network resumes the
// same seat. Everything lives in localStorage under "roundtable.*".

const NAME = 'roundtable.name';
const CLIENT = 'roundtable.client';
const SEATS = 'roundtable.seats';

function read(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : JSON.parse(value);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the demo still works, it only forgets on reload.
  }
}

export const identity = {
  get name() {
    return read(NAME, '');
  },
  set name(value) {
    write(NAME, value);
  },
  /** A random id made once per browser profile; the server keeps it to itself. */
  get client() {
    let id = read(CLIENT, null);
    if (!id) {
      id = globalThis.crypto?.randomUUID?.() ?? `c${Date.now()}${Math.random().toString(36).slice(2)}`;
      write(CLIENT, id);
    }
    return id;
  },
};

/** Seat tokens per room: {token, member, spectator, game, name, at}. */
export const seats = {
  all() {
    return read(SEATS, {});
  },
  get(room) {
    return this.all()[room] ?? null;
  },
  put(room, seat) {
    write(SEATS, { ...this.all(), [room]: { ...seat, at: Date.now() } });
  },
  forget(room) {
    const all = this.all();
    delete all[room];
    write(SEATS, all);
  },
};

const SOUND = 'roundtable.sound';

/** Whether this browser wants sound cues: on unless the player switched them off. */
export const sound = {
  get on() {
    return read(SOUND, true) !== false;
  },
  set on(value) {
    write(SOUND, Boolean(value));
  },
};
