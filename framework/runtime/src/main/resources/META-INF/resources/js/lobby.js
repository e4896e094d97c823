// The lobby: your display name, the open rooms of every game (refreshed every few seconds), and a
// form to create a room with the game's own options.
import { lobby } from '/roundtable/client.js';
import { h, fill, rerender, time } from './dom.js';
import { identity, seats } from './identity.js';
import { gameComponent } from './games/index.js';

const REFRESH_MS = 3000;

export const PHASES = {
  LOBBY: 'Waiting for players',
  BARRIER: 'Starting',
  PLAY: 'In play',
  FINISHED: 'Finished',
};

/** Joins `room` as a player or spectator with the remembered name, keeps the token, returns it. */
export async function joinRoom(room, { spectator = false, game = null } = {}) {
  const joined = await lobby.join(room, { name: identity.name, spectator, client: identity.client });
  seats.put(room, { token: joined.token, member: joined.member, spectator, game, name: identity.name });
  return joined;
}

/** The name field; `onChange` runs when a valid name is saved. Shared by the lobby and the join panel. */
export function nameField(idSuffix = 'lobby') {
  const id = `name-${idSuffix}`;
  const input = h('input', {
    id, type: 'text', maxlength: 32, autocomplete: 'nickname', required: true, value: identity.name,
    'aria-describedby': `${id}-hint`, 'data-key': id,
    oninput: () => { identity.name = input.value.trim(); },
  });
  return {
    element: h('div', { class: 'field name-field' },
      h('label', { for: id }, 'Your name'), input,
      h('p', { id: `${id}-hint`, class: 'hint' }, 'Shown to the others at the table; remembered in this browser.')),
    /** True when there is a name; otherwise focuses the field and says why. */
    require(notice) {
      identity.name = input.value.trim();
      if (identity.name) return true;
      notice.error({ message: 'Choose a display name first (1 to 32 characters).' });
      input.focus();
      return false;
    },
  };
}

/** Seats of rooms that left the list more than a day after joining are gone for good: forget them. */
function forgetOldSeats(cards) {
  const live = new Set(cards.map((c) => c.id));
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const [room, seat] of Object.entries(seats.all())) {
    if (!live.has(room) && (seat.at ?? 0) < dayAgo) seats.forget(room);
  }
}

export function mountLobby(main, ctx) {
  const name = nameField();
  const roomsRegion = h('div', { class: 'room-list', 'aria-live': 'off' }, h('p', { class: 'muted' }, 'Loading rooms…'));
  const createRegion = h('div', { class: 'create' }, h('p', { class: 'muted' }, 'Loading games…'));
  fill(main,
    h('section', { class: 'lobby', 'aria-labelledby': 'lobby-title' },
      h('div', { class: 'page-head' },
        h('h1', { id: 'lobby-title' }, 'Lobby'),
        h('a', { class: 'button', href: '#/history', id: 'history-link' }, 'Finished matches and replays')),
      name.element,
      h('div', { class: 'lobby-columns' },
        h('section', { class: 'panel', 'aria-labelledby': 'rooms-title' },
          h('h2', { id: 'rooms-title' }, 'Rooms'), roomsRegion),
        h('section', { class: 'panel', 'aria-labelledby': 'create-title' },
          h('h2', { id: 'create-title' }, 'Create a room'), createRegion,
          h('p', { class: 'hint' }, 'Only want to talk? Choose the voice room above, or open ',
            h('a', { href: '/voice.html', id: 'voice-page-link' }, 'a voice room on a page of its own'), '.')))));

  let games = [];
  let timer = null;
  let destroyed = false;

  async function join(card, spectator) {
    if (!name.require(ctx.notice)) return;
    const held = seats.get(card.id);
    if (held) {
      ctx.go(`#/room/${card.id}`);
      return;
    }
    try {
      await joinRoom(card.id, { spectator, game: card.game });
      ctx.go(`#/room/${card.id}`);
    } catch (error) {
      ctx.notice.error(error);
    }
  }

  function cardView(card) {
    const held = seats.get(card.id);
    const open = card.seated < card.maxPlayers && (card.phase === 'LOBBY' || card.phase === 'BARRIER'
      || (card.phase === 'PLAY' && card.joinMode === 'DYNAMIC'));
    const seatsText = `${card.seated} of ${card.maxPlayers} seats taken${card.bots ? ` (${card.bots} by bots)` : ''}`
      + `, ${card.maxPlayers - card.seated} free`;
    const actions = held
      ? [h('a', { class: 'button primary', href: `#/room/${card.id}`, 'data-key': `return-${card.id}` },
        held.spectator ? 'Back to watching' : 'Back to your seat')]
      : [
        open ? h('button', { type: 'button', class: 'primary', 'data-key': `join-${card.id}`, 'data-join': card.id,
          onclick: () => join(card, false) }, 'Join') : null,
        h('button', { type: 'button', 'data-key': `watch-${card.id}`, 'data-watch': card.id,
          onclick: () => join(card, true) }, 'Watch'),
        h('a', { class: 'button subtle', href: `#/watch/${card.id}`, 'data-key': `peek-${card.id}` }, 'Watch without joining'),
      ];
    return h('li', { class: 'room-card', 'data-room': card.id, 'data-phase': card.phase },
      h('div', { class: 'room-card-main' },
        h('strong', {}, `Room ${card.id}`),
        h('span', { class: `phase phase-${card.phase.toLowerCase()}` }, PHASES[card.phase] ?? card.phase),
        h('span', { class: 'seats-count' }, seatsText),
        card.spectators ? h('span', {}, `${card.spectators} watching`) : null,
        card.host ? h('span', { class: 'muted' }, `host ${card.host}`) : null,
        h('span', { class: 'muted' }, `created ${time(card.createdAt)}`)),
      h('div', { class: 'room-card-actions' }, actions));
  }

  function renderRooms(cards) {
    rerender(roomsRegion, () => {
      if (cards.length === 0) return h('p', { class: 'muted' }, 'No rooms yet. Create one!');
      const byGame = new Map();
      for (const card of cards) {
        if (!byGame.has(card.game)) byGame.set(card.game, []);
        byGame.get(card.game).push(card);
      }
      return [...byGame].map(([game, list]) => h('section', { class: 'game-rooms', 'data-game': game },
        h('h3', {}, games.find((g) => g.id === game)?.title ?? game),
        h('ul', { class: 'cards' }, list.map(cardView))));
    });
  }

  async function refresh() {
    try {
      const cards = await lobby.rooms();
      forgetOldSeats(cards);
      if (!destroyed) renderRooms(cards.filter((c) => c.phase !== 'FINISHED' || seats.get(c.id)));
    } catch (error) {
      if (!destroyed) rerender(roomsRegion, () => h('p', { class: 'muted' }, 'The room list is not available right now.'));
    }
    if (!destroyed) timer = setTimeout(refresh, document.hidden ? REFRESH_MS * 4 : REFRESH_MS);
  }

  function renderCreate() {
    if (games.length === 0) {
      fill(createRegion, h('p', {}, 'This server offers no games.'));
      return;
    }
    const select = h('select', { id: 'create-game', onchange: () => showForm() },
      games.map((g) => h('option', { value: g.id }, g.title)));
    const formSlot = h('div', { class: 'game-options' });
    const bots = h('input', { id: 'create-bots', type: 'number', min: 0, value: 0, inputmode: 'numeric',
      'aria-describedby': 'create-bots-hint' });
    const botsHint = h('p', { id: 'create-bots-hint', class: 'hint' });
    const role = h('select', { id: 'create-as' },
      h('option', { value: 'player' }, 'a player'), h('option', { value: 'spectator' }, 'a spectator'));
    const voice = h('input', { id: 'create-voice', type: 'checkbox', 'aria-describedby': 'create-voice-hint',
      onchange: () => { wantVoice = voice.checked; } });
    let wantVoice = false;
    const voiceHint = h('p', { id: 'create-voice-hint', class: 'hint' });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'create-submit' }, 'Create room');
    let form = null;

    function showForm() {
      const info = games.find((g) => g.id === select.value);
      form = gameComponent(info.id).optionsForm(info);
      fill(formSlot, form.element);
      // A voice room always has voice; any other room may ask for it.
      voice.disabled = info.voice;
      voice.checked = info.voice || wantVoice;
      voiceHint.textContent = info.voice ? 'Every room of this kind has voice.'
        : 'Talk in the browser while you play: the room page gets a voice panel (join, mute, who hears whom).';
      updateBots();
      form.element.addEventListener('change', updateBots);
    }

    function updateBots() {
      const seatsCount = form.seats();
      bots.max = String(seatsCount);
      if (Number(bots.value) > seatsCount) bots.value = bots.max;
      botsHint.textContent = `Bots take seats at once, so fewer people are needed: 0 to ${seatsCount}`
        + ' (with every seat a bot, join as a spectator and watch).';
    }

    async function create(event) {
      event.preventDefault();
      if (!name.require(ctx.notice)) return;
      let options;
      try {
        options = form.options();
      } catch (error) {
        ctx.notice.error(error);
        return;
      }
      submit.disabled = true;
      try {
        const created = await lobby.create({ game: select.value, options, bots: Number(bots.value) || 0,
          voice: voice.checked });
        await joinRoom(created.id, { spectator: role.value === 'spectator', game: select.value });
        ctx.go(`#/room/${created.id}`);
      } catch (error) {
        ctx.notice.error(error);
      } finally {
        submit.disabled = false;
      }
    }

    fill(createRegion, h('form', { class: 'create-form', onsubmit: create, 'aria-labelledby': 'create-title' },
      h('div', { class: 'field' }, h('label', { for: 'create-game' }, 'Game'), select),
      formSlot,
      h('div', { class: 'field' }, h('label', { for: 'create-bots' }, 'Bots'), bots, botsHint),
      h('div', { class: 'field' }, h('label', { class: 'check' }, voice, 'Voice chat'), voiceHint),
      h('div', { class: 'field' }, h('label', { for: 'create-as' }, 'Join the room as'), role),
      submit));
    showForm();
  }

  (async () => {
    try {
      games = await lobby.games();
      if (!destroyed) renderCreate();
    } catch (error) {
      fill(createRegion, h('p', {}, 'The list of games is not available right now.'));
      ctx.notice.error(error);
    }
    refresh();
  })();

  return {
    destroy() {
      destroyed = true;
      clearTimeout(timer);
    },
  };
}
