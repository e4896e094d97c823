// Play again with the same table: once a match is over, any member may start the next room (same game,
// options, voice and bots; POST /api/rooms/{room}/rematch), and every page of the finished room is offered
// it live through the frame's room.next, to join with one click under the same name and in the same role.
import { lobby, RoundtableError } from '/roundtable/client.js';
import { h, fill } from './dom.js';
import { identity, seats } from './identity.js';

/**
 * The rematch line of a room page: nothing before the end; then *Play again with the same table* for a
 * member; once anyone started it, who did and a button into the new room. `seat` is null on an anonymous
 * watcher's page, which gets a link to watch the new room instead.
 */
export function rematchOffer({ room, seat, ctx }) {
  const element = h('div', { class: 'rematch', id: 'rematch', role: 'status', hidden: true });
  let shown = null; // what the line shows now, so that a frame that changes nothing does not redraw it
  let busy = false;

  /** The new room: this browser's seat in it if it has one, else joined with the name it had here. */
  async function enter(next, frame) {
    if (!seats.get(next)) {
      const me = frame.room.members.find((m) => m.id === frame.me.member);
      const name = me?.name ?? identity.name;
      const spectator = frame.me.spectator;
      const joined = await lobby.join(next, { name, spectator, client: identity.client });
      seats.put(next, { token: joined.token, member: joined.member, spectator, game: frame.room.game, name });
    }
    ctx.go(`#/room/${next}`);
  }

  async function start(frame) {
    const response = await fetch(`/api/rooms/${encodeURIComponent(room)}/rematch`,
      { method: 'POST', headers: { Authorization: `Bearer ${seat.token}` } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new RoundtableError(body?.error ?? { code: `http/${response.status}`, message: response.statusText });
    }
    await enter(body.room, frame);
  }

  /** Runs one click's work once, its button disabled meanwhile; a refusal is shown as the server's sentence. */
  function once(work) {
    return async (event) => {
      if (busy) return;
      busy = true;
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await work();
      } catch (error) {
        ctx.notice.error(error);
        button.disabled = false;
      } finally {
        busy = false;
      }
    };
  }

  function update(frame) {
    const next = frame.room.phase === 'FINISHED' ? frame.room.next : null;
    const key = frame.room.phase !== 'FINISHED' ? 'none' : next ? `next:${next.room}` : 'offer';
    if (key === shown) return;
    shown = key;
    element.hidden = key === 'none';
    if (key === 'none') {
      element.replaceChildren();
    } else if (!next) {
      fill(element, seat
        ? [h('button', { type: 'button', class: 'primary', id: 'rematch-start', onclick: once(() => start(frame)) },
          'Play again with the same table'),
        h('span', { class: 'muted' }, 'A new room with the same game, options and bots; everyone here is offered to join.')]
        : null);
      element.hidden = !seat;
    } else {
      const by = frame.room.members.find((m) => m.id === next.by);
      const who = frame.me.member && next.by === frame.me.member ? 'You' : by?.name ?? 'Someone';
      fill(element,
        h('span', { class: 'rematch-text' }, `${who} started a new game with the same table.`), ' ',
        seat
          ? h('button', { type: 'button', class: 'primary', id: 'rematch-join', onclick: once(() => enter(next.room, frame)) },
            seats.get(next.room) ? 'Go to the new game' : frame.me.spectator ? 'Watch the new game' : 'Join the new game')
          : h('a', { class: 'button', id: 'rematch-watch', href: `#/watch/${next.room}` }, 'Watch the new game'));
    }
  }

  return { element, update };
}
