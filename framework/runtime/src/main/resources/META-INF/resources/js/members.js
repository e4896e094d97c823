// Who is in the room (presence, bots, stand-ins, host, spectators) and the pre-game lobby with
// ready flags and the barrier countdown. Generic: no game knowledge here.
import { h, rerender } from './dom.js';

const PRESENCE = { ONLINE: 'online', AWAY: 'away', OFFLINE: 'offline' };

/** A presence dot with its meaning in words for screen readers (and a tooltip). */
export function presenceDot(member) {
  if (member.bot) return h('span', { class: 'dot dot-bot', title: 'bot' });
  const word = PRESENCE[member.presence] ?? 'unknown';
  return h('span', { class: `dot dot-${(member.presence ?? '').toLowerCase()}`, title: word },
    h('span', { class: 'sr-only' }, `${word}, `));
}

/** Short tags for a member: bot, stand-in, host, spectator, you. */
export function memberTags(member, frame) {
  const tags = [];
  if (member.id === frame.me.member) tags.push(['you', 'you']);
  if (member.bot) tags.push(['bot', 'bot']);
  if (member.standIn) tags.push(['stand-in', 'a bot plays for now']);
  if (member.id === frame.room.host) tags.push(['host', 'host']);
  if (member.seat === null) tags.push(['spectator', 'watching']);
  return tags.map(([kind, text]) => h('span', { class: `tag tag-${kind}` }, text));
}

export function membersPanel({ onMessage, onKick }) {
  const list = h('div');
  const element = h('section', { class: 'panel members', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'People'), list);
  return {
    element,
    render(frame, { canKick }) {
      rerender(list, () => {
        const me = frame.me.member;
        const items = frame.room.members.map((m) => h('li', {
          class: 'member', 'data-member': m.id, 'data-presence': m.bot ? 'BOT' : m.presence,
        },
        presenceDot(m),
        h('span', { class: 'member-name' }, m.name),
        m.seat !== null ? h('span', { class: 'muted' }, ` seat ${m.seat + 1}`) : null,
        ' ', memberTags(m, frame),
        h('span', { class: 'member-actions' },
          me && m.id !== me && !m.bot
            ? h('button', { type: 'button', class: 'small', 'data-key': `dm-${m.id}`, 'data-dm': m.id,
              'aria-label': `Send ${m.name} a direct message`, onclick: () => onMessage(m) }, 'Message') : null,
          canKick && m.id !== me
            ? h('button', { type: 'button', class: 'small danger', 'data-key': `kick-${m.id}`,
              'aria-label': `Remove ${m.name} from the room`, onclick: () => onKick(m) }, 'Remove') : null)));
        const seated = frame.room.members.filter((m) => m.seat !== null).length;
        const watchers = frame.room.members.length - seated;
        return [
          h('p', { class: 'muted' }, `${seated} seated${watchers ? `, ${watchers} watching` : ''}`),
          h('ul', { class: 'member-list' }, items),
        ];
      });
    },
  };
}

/** The lobby before play: seats, ready flags, your ready toggle, the barrier countdown. */
export function lobbyPanel(frame, { ready, watching }) {
  const { room, me } = frame;
  const mine = room.members.find((m) => m.id === me.member);
  const seated = room.members.filter((m) => m.seat !== null);
  const free = room.maxPlayers - seated.length;
  const notReady = seated.filter((m) => !m.ready);
  let status;
  if (room.phase === 'BARRIER' && room.barrierEndsAt) {
    status = h('p', { class: 'countdown', id: 'barrier' }, 'Everyone is ready. The game is about to start.');
  } else if (free > 0) {
    status = h('p', {}, `${seated.length} of ${room.maxPlayers} seats taken. Waiting for ${free} more `
      + `${free === 1 ? 'player' : 'players'}.`);
  } else {
    status = h('p', {}, `Every seat is taken. Waiting for ${notReady.map((m) => m.name).join(', ')} to get ready.`);
  }
  const seatItems = [];
  for (let s = 0; s < room.maxPlayers; s++) {
    const m = seated.find((x) => x.seat === s);
    seatItems.push(h('li', { class: `lobby-seat${m ? '' : ' free'}`, 'data-seat': s },
      h('span', { class: 'muted' }, `Seat ${s + 1}`), ' ',
      m ? [presenceDot(m), h('span', { class: 'member-name' }, m.name), ' ',
        h('span', { class: `ready-flag ${m.ready ? 'is-ready' : ''}` }, m.ready ? 'ready' : 'not ready')]
        : h('span', { class: 'muted' }, 'free')));
  }
  const link = `${location.origin}/#/room/${room.id}`;
  return h('section', { class: 'panel lobby-panel', 'aria-labelledby': 'lobby-panel-title' },
    h('h2', { id: 'lobby-panel-title' }, room.phase === 'BARRIER' ? 'Starting' : 'Waiting for players'),
    h('div', { role: 'status', 'aria-live': 'polite' }, status),
    room.phase === 'BARRIER' && room.barrierEndsAt
      ? h('p', { class: 'countdown' }, 'Starting in ', h('strong', { 'data-ends-at': room.barrierEndsAt }, '…')) : null,
    h('ol', { class: 'lobby-seats' }, seatItems),
    mine && mine.seat !== null && !watching
      ? h('button', {
        type: 'button', id: 'ready-toggle', class: mine.ready ? '' : 'primary', 'aria-pressed': String(mine.ready),
        'data-key': 'ready', onclick: () => ready(!mine.ready),
      }, mine.ready ? 'Not ready after all' : 'I am ready')
      : h('p', { class: 'muted' }, 'You are watching this room.'),
    h('div', { class: 'field invite' },
      h('label', { for: 'invite-link' }, 'Invite others with this link'),
      h('input', { id: 'invite-link', type: 'text', readonly: true, value: link, onfocus: (e) => e.target.select() })));
}
