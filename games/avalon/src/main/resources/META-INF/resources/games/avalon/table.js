// The Avalon table: the night as the game begins, what is happening, what you may do now (from the
// view's youMay) beside your secret, the seats, the quest track, the vote grid, the Lady, the end screen
// and the game log. Seats are shown from 1 (the wire counts from 0).
import { h, fill, rerender } from '/js/dom.js';
import { roleTitle, STEP_NAMES } from './rules.js';
import { seatRing, questTrack, voteGrid, ladyPanel, secretPanel, nightPanel, endPanel, named, who as seatWho }
  from './parts.js';
import { oneAction } from '/js/games/one-action.js';

/** What a replayed seat was asked to do, in words. */
const ASKED = { propose: 'choose a team', vote: 'vote on the team', quest: 'play a quest card',
  lady: 'use the Lady of the Lake', assassinate: 'name Merlin' };

export function avalonTable(ui) {
  // Only the sentence is live (announced when it changes); the ticking timer is not.
  const statusLine = h('p', { class: 'status-line', id: 'avalon-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const timer = h('p', { class: 'timer', hidden: true });
  const status = h('div', { class: 'avalon-status' }, statusLine, timer);
  const board = h('div', { class: 'board' });
  const actions = h('section', { class: 'panel actions', id: 'avalon-actions', 'aria-labelledby': 'actions-title' });
  const secret = h('div', { class: 'avalon-secret' });
  const top = h('div', { class: 'avalon-top' }, actions, secret);
  const details = h('div', { class: 'avalon-details' });
  // The night covers the table (not the chat) until the player has seen it; the table under it is inert.
  const night = h('div', { class: 'night', id: 'avalon-night', hidden: true, onkeydown: (e) => {
    if (e.key === 'Escape') dismissNight();
  } });
  const logList = h('ol', { class: 'log', id: 'avalon-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Game log',
    tabindex: '0', 'data-scroll-key': 'log' });
  const logPanel = h('section', { class: 'panel log-panel', 'aria-labelledby': 'log-title' },
    h('h2', { id: 'log-title' }, 'Game log'), logList);
  const main = h('div', { class: 'avalon-main' }, top, board);
  const element = h('section', { class: 'avalon', 'aria-label': 'Avalon table' }, night, status, main, details, logPanel);

  let frame = null;
  let shown = null;
  const turn = oneAction(ui, () => frame, (force) => draw(force));
  let hideSecret = false;
  let selection = { key: null, seats: new Set() };
  let logged = [];
  // The night: undecided until the first frame in play; shown then to a seated player if no team has been
  // decided yet (never to a spectator, never in a replay), until they dismiss it.
  let nightShown = null;

  const who = (seat) => seatWho(ui, seat);
  const list = (seats) => seats.map(who).join(', ');

  function describe(game) {
    if (game.phase === 'over') return game.ending ?? 'The game is over.';
    const size = game.questSizes[game.quest - 1];
    const mine = game.waitingFor?.includes(game.you);
    switch (game.phase) {
      case 'propose':
        return game.leader === game.you ? `You lead quest ${game.quest}: choose a team of ${size}.`
          : `Quest ${game.quest}: ${who(game.leader)} is choosing a team of ${size}.`;
      case 'vote':
        return `${mine ? 'Your vote: ' : ''}approve or reject the team for quest ${game.quest}: ${list(game.team)}.`
          .replace(/^a/, 'A');
      case 'quest':
        return mine ? `You are on quest ${game.quest}: play your card.` : `The team is on quest ${game.quest}: ${list(game.team)}.`;
      case 'lady':
        return mine ? 'You hold the Lady of the Lake: choose whose loyalty to see.'
          : `${who(game.lady?.holder)} uses the Lady of the Lake.`;
      case 'assassinate':
        return mine ? 'Three quests succeeded. You are the Assassin: name Merlin.'
          : `Three quests succeeded. The Assassin, ${who(game.assassin)}, names Merlin.`;
      default:
        return STEP_NAMES[game.phase] ?? game.phase;
    }
  }

  const act = (action) => turn.act(action);

  function proposeForm(game, choice) {
    const key = `${game.quest}-${game.rejections}-${game.leader}`;
    if (selection.key !== key) selection = { key, seats: new Set() };
    const count = selection.seats.size;
    const ready = count === choice.teamSize;
    return h('form', { class: 'propose', onsubmit: (e) => {
      e.preventDefault();
      if (selection.seats.size === choice.teamSize) act({ type: 'propose', team: [...selection.seats].sort((a, b) => a - b) });
    } },
    h('fieldset', { 'data-team-size': choice.teamSize },
      h('legend', {}, `Choose ${choice.teamSize} players for quest ${game.quest}`),
      choice.seats.map((seat) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: `team-${seat}`, value: seat, 'data-key': `team-${seat}`, 'data-team-seat': seat,
          checked: selection.seats.has(seat), disabled: turn.pending || (!selection.seats.has(seat) && count >= choice.teamSize),
          onchange: (e) => {
            if (e.target.checked) selection.seats.add(seat);
            else selection.seats.delete(seat);
            draw(true);
          } }),
        h('label', { for: `team-${seat}` }, seat === game.you ? `${who(seat)}, you` : who(seat))))),
    h('p', { class: 'hint', 'aria-live': 'polite' }, `${count} of ${choice.teamSize} chosen.`),
    h('button', { type: 'submit', class: 'primary', id: 'propose', 'data-key': 'propose', disabled: turn.pending || !ready },
      'Propose this team'));
  }

  function choiceButtons(choice, label, attribute, options) {
    return h('div', { class: 'choice-buttons', role: 'group', 'aria-label': label },
      options.map(([value, text, kind]) => h('button', {
        type: 'button', class: kind ?? '', [attribute]: value, 'data-key': `${attribute}-${value}`, disabled: turn.pending,
        onclick: () => act(choice(value)),
      }, text)));
  }

  function actionPanel(game) {
    const title = h('h2', { id: 'actions-title' }, 'Your move');
    if (game.phase === 'over') return [endPanel(game, ui)];
    const choice = game.youMay?.[0];
    if (ui.replay) {
      const waiting = (game.waitingFor ?? []).map(who);
      return [h('h2', { id: 'actions-title' }, 'At this step'), h('p', { class: 'muted', id: 'replay-offer' },
        choice ? `${who(game.you)} is asked to ${ASKED[choice.action] ?? choice.action}.`
          : waiting.length ? `Waiting for ${waiting.join(', ')}.` : 'Nobody has to act.')];
    }
    if (frame.me.spectator) {
      // A spectator has no move: the panel says so, and whom the table waits for, under its own heading.
      const waiting = (game.waitingFor ?? []).map(who);
      return [h('h2', { id: 'actions-title' }, 'Watching'), h('p', { class: 'muted', id: 'watching' },
        'You are watching: you see only what everyone may see.', waiting.length ? ` Waiting for ${waiting.join(', ')}.` : '')];
    }
    if (!choice) {
      const waiting = (game.waitingFor ?? []).map(who);
      return [title, h('p', { class: 'muted', id: 'nothing-to-do' },
        waiting.length ? `Waiting for ${waiting.join(', ')}.` : 'Nothing to do right now.')];
    }
    switch (choice.action) {
      case 'propose':
        return [title, proposeForm(game, choice)];
      case 'vote':
        return [title, h('p', {}, `Team for quest ${game.quest}: ${list(game.team)}.`),
          choiceButtons((vote) => ({ type: 'vote', vote }), 'Your vote', 'data-vote',
            [['approve', 'Approve', 'primary'], ['reject', 'Reject']])];
      case 'quest':
        return [title, h('p', {}, 'Play one card, face down. Only the number of Fail cards is revealed.'),
          choiceButtons((card) => ({ type: 'quest', card }), 'Your quest card', 'data-card',
            choice.choices.map((c) => [c, c === 'success' ? 'Play Success' : 'Play Fail', c === 'success' ? 'primary' : 'danger']))];
      case 'lady':
        return [title, h('p', {}, 'Choose a player: you alone will learn whether they are good or evil.'),
          choiceButtons((target) => ({ type: 'lady', target: Number(target) }), 'Examine a player', 'data-lady',
            choice.seats.map((s) => [String(s), who(s)]))];
      case 'assassinate':
        return [title, h('p', {}, 'Name the player you believe is Merlin. If you are right, evil wins.'),
          choiceButtons((target) => ({ type: 'assassinate', target: Number(target) }), 'Name Merlin', 'data-assassinate',
            choice.seats.map((s) => [String(s), who(s), 'danger']))];
      default:
        return [title, h('p', {}, `The game offers "${choice.action}", which this page does not know.`)];
    }
  }

  function rulesLine(options) {
    const roles = (options.roles ?? []).filter((r) => r !== 'servant' && r !== 'minion').map(roleTitle);
    const variants = [options.lady && 'Lady of the Lake', options.hammer && 'hammer',
      options.oberonHiddenFromMerlin && 'Oberon hidden from Merlin', options.evilChannel && 'evil channel'].filter(Boolean);
    return h('p', { class: 'hint rules-line' },
      `Special roles in play: ${roles.length ? roles.join(', ') : 'none'}; the other seats are Loyal Servants and Minions.`
      + (variants.length ? ` Variants: ${variants.join(', ')}.` : ''));
  }

  function updateLog(game) {
    const lines = (game.log ?? []).map((line) => named(line, ui));
    const same = logged.length <= lines.length && logged.every((l, i) => l === lines[i]);
    if (!same) {
      fill(logList);
      logged = [];
    }
    for (const line of lines.slice(logged.length)) logList.append(h('li', {}, line));
    if (lines.length !== logged.length) logList.scrollTop = logList.scrollHeight;
    logged = lines;
  }

  function nightDue(game) {
    return !ui.replay && !frame.me?.spectator && Boolean(game.role) && game.phase !== 'over' && game.quest === 1
      && !game.proposals?.length;
  }

  function dismissNight() {
    if (!nightShown) return;
    nightShown = false;
    draw(true);
    statusLine.focus({ preventScroll: true });
  }

  function drawNight(game) {
    const first = nightShown === null;
    if (first) nightShown = nightDue(game);
    const showing = Boolean(nightShown) && Boolean(game.role);
    night.hidden = !showing;
    for (const part of [status, main, details, logPanel]) part.inert = showing;
    if (!showing) {
      fill(night);
      return;
    }
    rerender(night, () => nightPanel(game, ui, { now: describe(game), dismiss: dismissNight }));
    const typing = document.activeElement?.matches?.('input, textarea, select, [contenteditable]');
    if (first && !typing) night.querySelector('#night-dismiss')?.focus({ preventScroll: true });
  }

  function draw(force) {
    const game = frame?.game;
    if (!game) return;
    const deadline = frame.room.deadline;
    const signature = JSON.stringify([game, frame.room.members, deadline, frame.me.spectator, turn.pending]);
    if (!force && signature === shown) return;
    shown = signature;
    element.dataset.phase = game.phase;
    status.hidden = game.phase === 'over';
    const sentence = describe(game);
    if (statusLine.textContent !== sentence) statusLine.textContent = sentence;
    timer.hidden = !deadline || game.phase === 'over';
    if (!timer.hidden && timer.querySelector('[data-ends-at]')?.dataset.endsAt !== deadline) {
      fill(timer, 'Time left: ', h('strong', { 'data-ends-at': deadline }, '…'));
    }
    rerender(board, () => [h('div', { class: 'ring' }, seatRing(game, ui, { hideSecret }),
      h('div', { class: 'ring-center' }, questTrack(game)))]);
    rerender(actions, () => actionPanel(game));
    actions.classList.toggle('panel', game.phase !== 'over');
    actions.setAttribute('aria-labelledby', game.phase === 'over' ? 'end-title' : 'actions-title');
    rerender(secret, () => secretPanel(game, ui, { hidden: hideSecret, toggle: () => { hideSecret = !hideSecret; draw(true); } }));
    top.classList.toggle('with-secret', Boolean(game.role));
    rerender(details, () => [
      frame.room.options ? rulesLine(frame.room.options) : null,
      voteGrid(game, ui),
      ladyPanel(game, ui),
    ]);
    updateLog(game);
    drawNight(game);
  }

  return {
    element,
    render(next) {
      frame = next;
      turn.seen(next);
      draw(false);
    },
    destroy() {},
  };
}
