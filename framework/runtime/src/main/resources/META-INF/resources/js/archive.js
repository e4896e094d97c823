// The archive of finished matches, read over REST: the history, one match with its move log, and one
// step of a replay through someone's eyes. A seat token, when this browser played the match, proves
// whose seat it was (only its player may see through its eyes). Errors carry the server's code and sentence.

async function get(path, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? { code: `http/${response.status}`, message: response.statusText };
    throw Object.assign(new Error(error.message), { code: error.code, status: response.status });
  }
  return body;
}

export const archive = {
  /** GET /api/matches: {page, size, total, items}; empty filters are left out. */
  search({ game, player, from, to, page = 0, size = 10 } = {}) {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries({ game, player, from, to })) {
      if (value) q.set(key, value);
    }
    q.set('page', String(page));
    q.set('size', String(size));
    return get(`/api/matches?${q}`);
  },

  /** GET /api/matches/{id}: {match, moves, viewer, you, fullReveal}, moves as a spectator knows them. */
  match(id, token) {
    return get(`/api/matches/${encodeURIComponent(id)}`, token);
  },

  /** GET /api/matches/{id}/replay: {match, step, steps, viewer, move, view}. */
  step(id, step, viewer, token) {
    const q = new URLSearchParams({ step: String(step), viewer });
    return get(`/api/matches/${encodeURIComponent(id)}/replay?${q}`, token);
  },
};

/** "Ann (seat 1)" for seat index 0, from a match's participants. */
export function seatName(match, seat) {
  const p = match?.participants?.find((x) => x.seat === seat);
  return p ? `${p.name} (seat ${seat + 1})` : `Seat ${seat + 1}`;
}

/** A date and time for people, in their own locale. */
export function when(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}
