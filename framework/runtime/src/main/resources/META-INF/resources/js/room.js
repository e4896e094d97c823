// The generic room shell, the same for every game: header, connection banner, members with
// presence, the lobby with ready flags and the barrier countdown, chat, and the game's own table.
import { lobby as lobbyApi } from '/roundtable/client.js';
import { h, fill, rerender, duration } from './dom.js';
import { seats } from './identity.js';
import { joinRoom, nameField, PHASES } from './lobby.js';
import { memberSource, PollingSource } from './sources.js';
import { createChat } from './chat.js';
import { membersPanel, lobbyPanel } from './members.js';
import { gameComponent, shortTitle } from './games/index.js';
import { soundCues } from './sounds.js';
import { rematchOffer } from './rematch.js';
import { voicePanel } from './voice-panel.js';

/** #/room/<id>: your seat in the room, or a form to take one. */
export function mountRoom(main, room, ctx) {
  const seat = seats.get(room);
  if (!seat) return joinPanel(main, room, ctx);
  let shell = null;
  let destroyed = false;
  memberSource(room, seat).then(({ client, gone }) => {
    if (destroyed) return;
    if (gone) {
      // The room ended or this seat was lost while we were away: forget it, offer to join again.
      seats.forget(room);
      ctx.notice.info(gone.message ?? 'Your seat in this room is gone.');
      shell = joinPanel(main, room, ctx);
      return;
    }
    shell = roomShell(main, room, ctx, client, seat);
    client.connect();
  });
  return {
    destroy() {
      destroyed = true;
      shell?.destroy();
    },
  };
}

/** #/watch/<id>: the public view, polled, without joining. */
export function mountWatch(main, room, ctx) {
  const source = new PollingSource(room);
  window.__roundtable = { source, room, member: null };
  const shell = roomShell(main, room, ctx, source, null);
  source.connect();
  return shell;
}

function joinPanel(main, room, ctx) {
  const name = nameField('join');
  const status = h('p', { class: 'muted' }, 'Looking the room up…');
  const buttons = h('div', { class: 'actions' });
  let card = null;
  const join = async (spectator) => {
    if (!name.require(ctx.notice)) return;
    try {
      await joinRoom(room, { spectator, game: card?.game });
      ctx.go(`#/room/${room}`);
    } catch (error) {
      ctx.notice.error(error);
    }
  };
  fill(main, h('section', { class: 'panel join-panel', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title' }, `Room ${room}`), status, name.element, buttons,
    h('p', {}, h('a', { href: '#/' }, 'Back to the lobby'))));
  lobbyApi.rooms().then((cards) => cards.find((c) => c.id === room)).then(async (found) => {
    card = found ?? await fetch(`/api/rooms/${encodeURIComponent(room)}`).then((r) => (r.ok ? r.json() : null));
    if (!card) {
      status.textContent = 'This room does not exist (it may have finished and been archived).';
      return;
    }
    const open = card.seated < card.maxPlayers && (card.phase === 'LOBBY' || card.phase === 'BARRIER'
      || (card.phase === 'PLAY' && card.joinMode === 'DYNAMIC'));
    status.textContent = `${card.title} — ${PHASES[card.phase] ?? card.phase}, ${card.seated} of ${card.maxPlayers} seats taken.`;
    fill(buttons,
      open ? h('button', { type: 'button', class: 'primary', id: 'join-seat', onclick: () => join(false) }, 'Take a seat') : null,
      h('button', { type: 'button', id: 'join-watch', onclick: () => join(true) }, 'Watch as a spectator'),
      h('a', { class: 'button subtle', href: `#/watch/${room}` }, 'Watch without joining'));
  }).catch((error) => ctx.notice.error(error));
  return { destroy() {} };
}

const STATUS_TEXT = {
  connecting: 'Connecting to the room…',
  reconnecting: 'Connection lost. Reconnecting…',
};

function roomShell(main, room, ctx, source, seat) {
  const watching = !seat;
  let game = null;
  let table = null;
  let chat = null;
  let voice = null; // the voice panel, for a member of a room with a voice mesh
  let lastFrame = null;
  let clockOffset = 0;
  let failures = 0;
  let everOpened = false;
  let refusedHere = null; // why the server refuses this page's sockets, once known
  let ticking = null;

  const title = h('h1', { id: 'room-title' }, `Room ${room}`);
  const phase = h('span', { class: 'phase', id: 'room-phase' });
  const paused = h('p', { class: 'paused', role: 'status', hidden: true });
  const stage = h('div', { class: 'stage' });
  const lobbySlot = h('div', { class: 'lobby-slot' });
  const tableSlot = h('div', { class: 'table-slot' });
  const members = membersPanel({ onMessage: (m) => chat?.openDirect(m), onKick: kick });
  const side = h('aside', { class: 'side', 'aria-label': 'People and chat' }, members.element);
  const leaveArea = h('div', { class: 'leave-area' });
  const replaySlot = h('span', { class: 'replay-slot' });
  const rematch = rematchOffer({ room, seat, ctx });
  stage.append(lobbySlot, tableSlot);
  const sounds = soundCues();
  // On a phone the table and the people-and-chat column are two views with a tab bar at the bottom, so
  // neither sits a long scroll below the other; wider screens show both side by side and no tab bar.
  const tableTab = h('button', { type: 'button', id: 'tab-table', 'aria-pressed': 'true', onclick: () => show('table') }, 'Table');
  const sideBadge = h('span', { class: 'badge', hidden: true });
  const sideTab = h('button', { type: 'button', id: 'tab-side', 'aria-pressed': 'false', onclick: () => show('side') },
    'People & chat', sideBadge);
  const roomTabs = h('nav', { class: 'room-tabs', 'aria-label': 'Room views' }, tableTab, sideTab);
  const roomBody = h('div', { class: 'room-body', 'data-view': 'table' }, stage, side, roomTabs);

  fill(main, h('section', { class: 'room', 'aria-labelledby': 'room-title', 'data-room': room },
    h('header', { class: 'room-head' },
      title, phase,
      h('div', { class: 'room-tools' },
        replaySlot,
        sounds.button,
        h('button', { type: 'button', onclick: copyLink }, 'Copy link'),
        watching ? [h('a', { class: 'button', href: `#/room/${room}` }, 'Join this room'),
          h('a', { class: 'button subtle', href: '#/' }, 'Lobby')] : leaveArea)),
    paused,
    rematch.element,
    roomBody));

  const ui = {
    notice: ctx.notice,
    act: (action) => {
      sounds.moving();
      return source.act(action).catch((error) => {
        sounds.refused();
        ctx.notice.error(error);
        throw error;
      });
    },
    game: null, // the game's GET /api/games entry, once loaded
    nameOf: (seatNo) => lastFrame?.room.members.find((m) => m.seat === seatNo)?.name ?? `Seat ${seatNo + 1}`,
    memberAt: (seatNo) => lastFrame?.room.members.find((m) => m.seat === seatNo) ?? null,
  };

  function show(view) {
    roomBody.dataset.view = view;
    tableTab.setAttribute('aria-pressed', String(view === 'table'));
    sideTab.setAttribute('aria-pressed', String(view === 'side'));
  }

  function unread(total) {
    sideBadge.hidden = total === 0;
    sideBadge.textContent = String(total);
    sideBadge.setAttribute('aria-label', `${total} unread`);
  }

  function copyLink() {
    const link = `${location.origin}/#/room/${room}`;
    const shown = () => ctx.notice.info(`Share this link: ${link}`);
    if (!navigator.clipboard) shown();
    else navigator.clipboard.writeText(link).then(() => ctx.notice.info('Link copied. Send it to the other players.'), shown);
  }

  async function kick(member) {
    try {
      await source.kick(member.id);
    } catch (error) {
      ctx.notice.error(error);
    }
  }

  function renderLeave() {
    if (watching) return;
    const confirmLeave = (frame) => {
      const inPlay = frame?.room.phase === 'PLAY' && !frame.me.spectator;
      fill(leaveArea,
        h('span', { class: 'confirm-text' }, inPlay ? 'Leave for good? A bot plays your seat.' : 'Leave this room?'),
        h('button', { type: 'button', class: 'danger', id: 'leave-confirm', onclick: leave }, 'Leave'),
        h('button', { type: 'button', onclick: renderLeave }, 'Stay'));
      leaveArea.querySelector('#leave-confirm').focus();
    };
    fill(leaveArea, h('button', { type: 'button', id: 'leave', onclick: () => confirmLeave(lastFrame) }, 'Leave room'));
  }

  async function leave() {
    try {
      await source.leave();
    } catch (error) {
      if (error.code !== 'room/not_member') {
        ctx.notice.error(error);
        return;
      }
    }
    source.close();
    seats.forget(room);
    ctx.go('#/');
  }

  function onStatus(event) {
    const status = event.detail;
    if (refusedHere) {
      ctx.banner.hidden = false;
      ctx.banner.textContent = refusedHere;
      return;
    }
    if (status === 'open') {
      everOpened = true;
      if (failures > 0) ctx.notice.info('Reconnected.');
      failures = 0;
      ctx.banner.hidden = true;
      if (!watching) syncClock();
      return;
    }
    if (status === 'reconnecting') {
      failures++;
      if (failures === 1 && !everOpened && !watching) checkOrigin();
      if (failures === 3 && !watching) probe();
    }
    const text = STATUS_TEXT[status];
    ctx.banner.hidden = !text;
    ctx.banner.textContent = text ?? '';
  }

  /** After repeated failures: is the room gone, or our seat? Then stop retrying and say so. */
  async function probe() {
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(room)}/view`,
        { headers: { Authorization: `Bearer ${seat.token}` } });
      if (response.status === 404 || response.status === 401 || response.status === 409) {
        const body = await response.json().catch(() => null);
        source.close();
        ctx.banner.hidden = true;
        if (response.status !== 404) seats.forget(room);
        ended(body?.error?.message ?? 'This seat is no longer yours.');
      }
    } catch {
      // The server itself is unreachable: keep retrying.
    }
  }

  /**
   * A socket that never opened may have been refused for this page's address, which a browser does not
   * tell the page: ask the server, and if so stop retrying and say why.
   */
  async function checkOrigin() {
    try {
      const response = await fetch('/api/sockets/check', { method: 'POST' });
      const body = await response.json();
      if (response.ok && body.allowed === false) {
        refusedHere = `This server refuses live connections from pages at ${body.origin ?? 'this address'}. `
          + 'Open the page at an address it allows, or add this one to roundtable.ws.allowed-origins (see docs/operations.md).';
        ctx.banner.hidden = false;
        ctx.banner.textContent = refusedHere;
        source.close();
      }
    } catch {
      // The server itself is unreachable: keep retrying.
    }
  }

  /**
   * This page can no longer act in the room (removed, seat gone, room gone): say why, offer the lobby, and
   * take away the seat, the ready toggle, the table and the chat, which would only fail.
   */
  function ended(sentence) {
    source.close();
    paused.hidden = false;
    paused.classList.add('ended');
    fill(paused, sentence, ' ', h('a', { href: '#/', id: 'back-to-lobby' }, 'Back to the lobby'));
    roomBody.hidden = true;
    leaveArea.replaceChildren();
    ctx.banner.hidden = true;
  }

  async function syncClock() {
    try {
      const before = Date.now();
      const { serverTime } = await source.command({ type: 'ping' });
      clockOffset = serverTime - (before + Date.now()) / 2;
    } catch {
      clockOffset = 0;
    }
  }

  function onError(event) {
    const error = event.detail;
    if (error.code === 'close/4401') {
      seats.forget(room);
      ended(error.message);
    } else if (error.code === 'close/4404') {
      ended(error.message);
    } else {
      ctx.notice.error(error);
    }
  }

  /** What the room itself says (a turn timer ran out) shows at once, besides its line in the chat. */
  function onMessage(event) {
    if (event.detail?.kind === 'notice') ctx.notice.info(event.detail.text);
  }

  function onFrame() {
    const frame = source.frame;
    if (!frame) return;
    sounds.heard(frame, watching);
    lastFrame = frame;
    if (!game) {
      game = gameComponent(frame.room.game);
      const gameId = frame.room.game;
      title.textContent = `${gameId[0].toUpperCase()}${gameId.slice(1)} · room ${room}`;
      lobbyApi.games().then((list) => {
        const info = list.find((g) => g.id === gameId);
        title.textContent = `${shortTitle(info, gameId)} · room ${room}`;
        ui.game = info ?? null; // what the game says of itself, e.g. where its view holds seats
        if (table && lastFrame) table.render(lastFrame);
      }).catch(() => {});
      if (!watching) {
        chat = createChat({ source, notice: ctx.notice, onUnread: unread });
        side.append(chat.element);
        renderLeave();
      }
    }
    phase.textContent = PHASES[frame.room.phase] ?? frame.room.phase;
    if (frame.room.phase === 'FINISHED' && !replaySlot.firstChild) {
      // The finished match is archived under the room's id; the replay page waits for it if needed.
      replaySlot.append(h('a', { class: 'button primary', id: 'replay-link', href: `#/replay/${room}` }, 'Watch the replay'));
    }
    phase.dataset.phase = frame.room.phase;
    rematch.update(frame);
    paused.hidden = !frame.room.paused;
    if (frame.room.paused) paused.textContent = 'The game is paused until a missing player returns.';
    members.render(frame, { canKick: !watching && frame.me.host && frame.room.phase === 'LOBBY' });
    const inLobby = frame.room.phase === 'LOBBY' || frame.room.phase === 'BARRIER';
    lobbySlot.hidden = !inLobby;
    tableSlot.hidden = inLobby;
    if (inLobby) {
      rerender(lobbySlot, () => lobbyPanel(frame, { ready: setReady, watching }));
    } else {
      if (!table) {
        table = game.table(ui);
        tableSlot.append(table.element);
      }
      table.render(frame);
    }
    chat?.update(frame);
    if (!voice && !watching && frame.voice) {
      voice = voicePanel(source, { notice: ctx.notice });
      members.element.after(voice.element);
    }
  }

  async function setReady(ready) {
    try {
      await source.ready(ready);
    } catch (error) {
      ctx.notice.error(error);
    }
  }

  /** Countdowns (barrier, turn timer) tick between frames; elements opt in with data-ends-at. */
  function tick() {
    const now = Date.now() + clockOffset;
    for (const el of main.querySelectorAll('[data-ends-at]')) {
      el.textContent = duration(Date.parse(el.dataset.endsAt) - now);
    }
  }

  source.addEventListener('frame', onFrame);
  source.addEventListener('status', onStatus);
  source.addEventListener('error', onError);
  source.addEventListener('message', onMessage);
  source.addEventListener('frame', tick);
  ticking = setInterval(tick, 250);

  return {
    destroy() {
      source.removeEventListener('frame', onFrame);
      source.removeEventListener('frame', tick);
      source.removeEventListener('status', onStatus);
      source.removeEventListener('error', onError);
      source.removeEventListener('message', onMessage);
      clearInterval(ticking);
      table?.destroy();
      chat?.destroy();
      voice?.destroy();
      source.close();
      ctx.banner.hidden = true;
    },
  };
}
