// The pieces of the Avalon table, each a function of the viewer's game view: the seats around the
// table, the quest track, the vote grid, the Lady of the Lake, your secret, the end screen, the log.
// They show only what the view holds: the server never sends anyone more than their share.
// Seats are numbered from 0 on the wire (views, actions, the server's log) and from 1 on screen.
import { h } from '/js/dom.js';
import { presenceDot } from '/js/members.js';
import { ROLES, roleTitle } from './rules.js';

const LABELS = { evil: 'evil', 'merlin-or-morgana': 'Merlin or Morgana' };

/** The seat's number on screen: seats count from 1 for people (0 on the wire). */
export const seatNo = (seat) => Number(seat) + 1;

/** The name of whoever sits in the seat, or "Seat 3" for an empty one (numbered from 1). */
export function nameOf(ui, seat) {
  return ui.memberAt?.(seat)?.name ?? `Seat ${seatNo(seat)}`;
}

/** "Ann (seat 3)": a player in a sentence ("Seat 3" alone when nobody sits there). */
export function who(ui, seat) {
  const name = ui.memberAt?.(seat)?.name;
  return name ? `${name} (seat ${seatNo(seat)})` : `Seat ${seatNo(seat)}`;
}

/** What the viewer learnt at night, in sentences (for the night panel and "Only you see this"). */
export function nightLines(game, ui) {
  const names = (list) => list.map((s) => who(ui, s.seat)).join(', ');
  const evil = (game.sees ?? []).filter((s) => s.as === 'evil');
  const pair = (game.sees ?? []).filter((s) => s.as === 'merlin-or-morgana');
  const lines = [];
  if (game.role === 'merlin') {
    lines.push(evil.length ? `You see these players as evil: ${names(evil)}.` : 'You see no evil player.');
  } else if (game.role === 'percival') {
    lines.push(pair.length > 1 ? `One of these is Merlin, the other Morgana: ${names(pair)}.`
      : pair.length ? `Merlin is ${names(pair)}.` : 'You saw no one.');
  } else if (game.role === 'oberon') {
    lines.push('The other evil players do not know you, and you do not know them.');
  } else if (game.side === 'evil') {
    lines.push(evil.length ? `Your fellow evil players: ${names(evil)}.` : 'You know no other evil player.');
  } else {
    lines.push('You saw no one at night.');
  }
  if (game.side === 'evil') lines.push('On a quest you may play Success or Fail.');
  else lines.push('On a quest you can only play Success.');
  return lines;
}

/** What the viewer knows of each other seat: night sightings and their own Lady results. */
export function knowledge(game) {
  const known = new Map();
  const add = (seat, text) => known.set(seat, [...(known.get(seat) ?? []), text]);
  for (const s of game.sees ?? []) add(s.seat, LABELS[s.as] ?? s.as);
  for (const use of game.lady?.uses ?? []) {
    if (use.loyalty && use.holder === game.you) add(use.target, `Lady: ${use.loyalty}`);
  }
  return known;
}

export function seatRing(game, ui, { hideSecret }) {
  const n = game.players;
  const you = game.you ?? null;
  const known = hideSecret ? new Map() : knowledge(game);
  const last = game.proposals?.at(-1);
  const showVotes = last && !last.forced && game.phase !== 'vote';
  const seats = [];
  for (let seat = 0; seat < n; seat++) {
    const member = ui.memberAt(seat);
    const position = (seat - (you ?? 0) + n) % n;
    const tags = [];
    if (seat === game.leader && game.phase !== 'over') tags.push(['leader', 'Leader']);
    if (game.lady?.holder === seat) tags.push(['lady', 'Lady of the Lake']);
    if (game.team?.includes(seat) && (game.phase === 'vote' || game.phase === 'quest')) tags.push(['team', 'On the team']);
    // The view lists who the game waits for; everyone else on the vote (or on the team) is done.
    const done = !game.waitingFor?.includes(seat);
    if (game.phase === 'vote' && done) tags.push(['done', 'Voted']);
    if (game.phase === 'quest' && game.team?.includes(seat) && done) tags.push(['done', 'Played']);
    if (game.assassin === seat) tags.push(['assassin', 'Assassin']);
    if (game.named === seat) tags.push(['named', 'Named by the Assassin']);
    if (member?.bot) tags.push(['bot', 'bot']);
    if (member?.standIn) tags.push(['stand-in', 'stand-in bot']);
    if (seat === you) tags.push(['you', 'you']);
    const role = game.roles?.[seat];
    // Your own role at a glance on your own seat (hidden with the secret); nobody else's until the view reveals it.
    const mine = seat === you && !role && game.role && !hideSecret ? game.role : null;
    const waiting = game.waitingFor?.includes(seat) && game.phase !== 'over';
    seats.push(h('li', {
      class: ['seat', waiting ? 'awaited' : '', seat === you ? 'mine' : '', role ? `side-${ROLES[role]?.side}` : '',
        mine ? `side-${game.side}` : ''].join(' '),
      style: `--angle: ${90 + (360 * position) / n}deg`, 'data-seat': seat,
    },
    h('div', { class: 'seat-name' }, member && !ui.replay ? presenceDot(member) : null, h('span', {}, nameOf(ui, seat))),
    h('div', { class: 'muted seat-no' }, `Seat ${seatNo(seat)}${waiting ? ' · to play' : ''}`),
    mine ? h('div', { class: 'seat-role seat-role-mine', 'data-role': mine },
      h('span', { class: 'sr-only' }, 'Your role: '), roleTitle(mine), h('span', { class: 'seat-side' }, ` · ${game.side}`)) : null,
    tags.length ? h('div', { class: 'seat-tags' }, tags.map(([kind, text]) => h('span', { class: `tag tag-${kind}` }, text))) : null,
    known.has(seat) ? h('div', { class: 'seat-known', 'data-known': seat }, `You know: ${known.get(seat).join(', ')}`) : null,
    role ? h('div', { class: 'seat-role', 'data-role': role }, roleTitle(role)) : null,
    showVotes ? h('div', { class: `seat-vote vote-${last.votes[seat]}` },
      last.votes[seat] === 'approve' ? '✓ approved' : '✗ rejected') : null));
  }
  return h('ol', { class: 'seats', style: `--n: ${n}`, 'aria-label': 'Seats around the table' }, seats);
}

const fails = (n) => `${n} ${n === 1 ? 'fail' : 'fails'}`;

/** A played quest in words: "succeeded, 0 fails" (with the fails it needed when that was more than one). */
export function questResult(done, needs) {
  return `${done.succeeded ? 'succeeded' : 'failed'}, ${fails(done.fails)}${needs > 1 ? ` (${needs} needed)` : ''}`;
}

export function questTrack(game) {
  return h('div', { class: 'track' },
    h('ol', { class: 'quests', 'aria-label': 'Quests' }, game.questSizes.map((size, i) => {
      const done = game.quests[i];
      const current = !done && i + 1 === game.quest && game.phase !== 'over';
      const needs = game.failsNeeded[i];
      const result = done ? (done.succeeded ? 'succeeded' : 'failed') : current ? 'now' : 'to come';
      // Under each token, for everyone to see: the Fail cards played, or the fails a two-fail quest needs.
      const note = done ? fails(done.fails) + (needs > 1 ? `, ${needs} needed` : '')
        : needs > 1 ? `${needs} fails needed` : null;
      return h('li', { class: `quest ${done ? (done.succeeded ? 'success' : 'fail') : ''} ${current ? 'current' : ''}`
        + `${needs > 1 ? ' two-fails' : ''}`, 'data-quest': i + 1, 'data-result': done ? result : null },
      h('span', { class: 'quest-size', 'aria-hidden': 'true' }, String(size)),
      h('span', { class: 'quest-text' }, `Quest ${i + 1}: ${size} players, ${result}`
        + (done ? ` (${fails(done.fails)})` : '')
        + (needs > 1 ? `, ${needs} fails needed` : '')),
      note ? h('span', { class: 'quest-note', 'aria-hidden': 'true', 'data-fails': done ? done.fails : null,
        'data-fails-needed': needs > 1 ? needs : null }, note) : null);
    })),
    h('p', { class: 'rejections', 'data-rejections': game.rejections },
      h('span', {}, `Rejected in a row: ${game.rejections} of 5`),
      h('span', { class: 'pips', 'aria-hidden': 'true' },
        [0, 1, 2, 3, 4].map((i) => h('span', { class: `pip ${i < game.rejections ? 'on' : ''}` })))));
}

export function voteGrid(game, ui) {
  if (!game.proposals?.length) return null;
  const seats = [...Array(game.players).keys()];
  // The proposal that went on the quest (approved, or sent by the hammer) gets the quest's result.
  const outcome = (p) => {
    if (!p.approved && !p.forced) return null;
    const done = game.quests?.[p.quest - 1];
    if (!done) return h('span', { class: 'muted' }, 'on the quest');
    return h('span', { class: `quest-result ${done.succeeded ? 'success' : 'fail'}`, 'data-fails': done.fails },
      `${done.succeeded ? '✓' : '✗'} ${questResult(done, game.failsNeeded?.[p.quest - 1] ?? 1)}`);
  };
  return h('section', { class: 'panel grid-panel', 'aria-labelledby': 'grid-title' },
    h('h2', { id: 'grid-title' }, 'Vote history'),
    h('div', { class: 'scroll-x', tabindex: '0', 'aria-label': 'Vote history, scrollable', 'data-scroll-key': 'grid' },
      h('table', { class: 'vote-grid' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Quest'), h('th', { scope: 'col' }, 'Leader'),
          seats.map((s) => h('th', { scope: 'col', title: who(ui, s), 'data-grid-seat': s },
            nameOf(ui, s), h('span', { class: 'grid-seat' }, `seat ${seatNo(s)}`))),
          h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col', class: 'quest-result-head' }, 'Quest result'))),
        h('tbody', {}, game.proposals.map((p) => h('tr', { class: p.approved ? 'approved' : 'rejected' },
          h('th', { scope: 'row' }, `${p.quest}.${p.attempt}`),
          h('td', {}, nameOf(ui, p.leader)),
          seats.map((s) => {
            const vote = p.votes?.[s];
            const onTeam = p.team.includes(s);
            return h('td', { class: `${onTeam ? 'on-team' : ''} vote-${vote ?? 'none'}` },
              vote === 'approve' ? '✓' : vote === 'reject' ? '✗' : '–',
              h('span', { class: 'sr-only' }, `${vote ?? 'no vote'}${onTeam ? ', on the team' : ''}`));
          }),
          h('td', {}, p.forced ? 'sent without a vote' : p.approved ? 'approved' : 'rejected'),
          h('td', { class: 'grid-quest', 'data-grid-quest': p.approved || p.forced ? p.quest : null }, outcome(p))))))),
    h('p', { class: 'hint' }, 'Framed cells: the proposed team. Quest result: how the team\'s quest ended.'));
}

export function ladyPanel(game, ui) {
  if (!game.lady) return null;
  const { holder, heldBy, uses } = game.lady;
  return h('section', { class: 'panel lady-panel', 'aria-labelledby': 'lady-title' },
    h('h2', { id: 'lady-title' }, 'Lady of the Lake'),
    holder !== null && holder !== undefined ? h('p', {}, `Held by ${who(ui, holder)}.`) : null,
    heldBy?.length ? h('p', { class: 'muted' }, `Has held it: ${heldBy.map((s) => who(ui, s)).join(', ')}.`) : null,
    uses?.length ? h('ul', {}, uses.map((u) => h('li', { 'data-lady-use': u.target },
      `After quest ${u.afterQuest}, ${who(ui, u.holder)} examined ${who(ui, u.target)}`
      + (u.loyalty ? `: ${u.loyalty}.` : '.')))) : null);
}

/** Your role and your night, shown only to you (and hideable from people looking over your shoulder). */
export function secretPanel(game, ui, { hidden, toggle }) {
  if (!game.role) return null;
  const lines = nightLines(game, ui);
  return h('section', { class: `panel secret side-${game.side}`, 'aria-labelledby': 'secret-title' },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'secret-title' }, 'Only you see this'),
      h('button', { type: 'button', class: 'small', 'aria-pressed': String(hidden), 'data-key': 'secret-toggle',
        id: 'secret-toggle', onclick: toggle }, hidden ? 'Show' : 'Hide')),
    hidden ? h('p', { class: 'muted' }, 'Hidden. Press Show to see your role again.')
      : h('div', { class: 'secret-body', id: 'secret' },
        h('p', {}, 'You are ', h('strong', { 'data-my-role': game.role }, roleTitle(game.role)),
          `, on the side of ${game.side}.`),
        lines.map((line) => h('p', {}, line))));
}

/**
 * The night, as the game begins: who you are, your side, what you saw. Shown over the table once, to a
 * seated player only (never to a spectator or in a replay), until they go to the table.
 */
export function nightPanel(game, ui, { now, dismiss }) {
  const [knows, ...rest] = nightLines(game, ui);
  const help = ROLES[game.role]?.help;
  return h('div', { class: `night-card side-${game.side}`, role: 'dialog', 'aria-labelledby': 'night-title',
    'aria-describedby': 'night-you' },
  h('p', { class: 'night-kicker' }, 'Night falls on Avalon'),
  h('h2', { id: 'night-title' }, 'Your role — only you see this'),
  h('p', { class: 'night-you', id: 'night-you' }, 'You are ',
    h('strong', { 'data-night-role': game.role }, roleTitle(game.role)), ', on the side of ',
    h('strong', { class: 'night-side', 'data-night-side': game.side }, game.side), '.'),
  help ? h('p', { class: 'night-help' }, `${roleTitle(game.role)} ${help}.`) : null,
  h('h3', {}, 'What you know'),
  h('p', { class: 'night-knows', id: 'night-knows' }, knows),
  (game.sees ?? []).length ? h('ul', { class: 'night-sees' }, game.sees.map((s) => h('li', { 'data-night-seat': s.seat },
    h('strong', {}, who(ui, s.seat)), h('span', { class: `tag tag-seen-${s.as}` }, LABELS[s.as] ?? s.as)))) : null,
  rest.map((line) => h('p', {}, line)),
  now ? h('p', { class: 'night-now' }, h('span', { class: 'night-now-label' }, 'At the table: '), now) : null,
  h('div', { class: 'night-buttons' },
    h('button', { type: 'button', class: 'primary', id: 'night-dismiss', 'data-key': 'night-dismiss', onclick: dismiss },
      'I have seen it — to the table')),
  h('p', { class: 'night-hint' },
    'Your role stays on your own seat and under “Only you see this”, whose Hide button covers it from onlookers.'));
}

export function endPanel(game, ui) {
  if (game.phase !== 'over') return null;
  return h('section', { class: `panel end side-${game.winner}`, id: 'avalon-end', 'aria-labelledby': 'end-title' },
    h('h2', { id: 'end-title' }, game.winner === 'good' ? 'Good wins' : 'Evil wins'),
    h('p', { id: 'avalon-ending' }, game.ending ?? ''),
    game.you !== undefined && game.you !== null && game.side
      ? h('p', { class: 'strong' }, game.side === game.winner ? 'Your side won.' : 'Your side lost.') : null,
    h('table', { class: 'roles-table' },
      h('caption', {}, 'Every role, revealed'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Seat'), h('th', { scope: 'col' }, 'Player'),
        h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Side'))),
      h('tbody', {}, (game.roles ?? []).map((role, seat) => h('tr', { 'data-seat': seat, class: `side-${ROLES[role]?.side}` },
        h('td', {}, String(seatNo(seat))), h('td', {}, nameOf(ui, seat)),
        h('td', { 'data-role': role }, roleTitle(role)), h('td', {}, ROLES[role]?.side ?? ''))))),
    h('p', {}, h('a', { class: 'button', href: '#/' }, 'Back to the lobby')));
}

/**
 * A log line of the server's (seats from 0) for people: each seat number becomes the player and their
 * seat counted from 1 ("seat 3" → "Ann (seat 4)", "seats 0, 2" → "Bob (seat 1), Cat (seat 3)", and the
 * same in the votes "approve: 0, 2"). One pass, so a name that looks like a seat is never read again.
 */
export function named(line, ui) {
  return line.replace(/\b(?:[Ss]eats?|(approve|reject):) (\d+(?:, \d+)*)/g, (_, vote, numbers) =>
    (vote ? `${vote}: ` : '') + numbers.split(', ').map((n) => who(ui, Number(n))).join(', '));
}
