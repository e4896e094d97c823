// The Palace Letters table: the match (round, favour tokens, the goal, how the last round ended), whose
// turn it is, your hand, one button per play the view's youMay offers (with a picker for each of its
// choices), every seat with its tokens, hand size, discards and marks, and the log with names for seats
// and your private lines marked. The create form is the generic one. It shows only what the view holds:
// other players' hands are simply not in it until the match is over (or a showdown shows them).
// The runtime serves this file from the game's jar (META-INF/resources/games/loveletter/ui.js); GET /api/games names it.
import { h, rerender } from '/js/dom.js';
import { oneAction } from '/js/games/one-action.js';

const PARAMS = { target: 'Choose a player', guess: 'Name a card' };

const loveletter = {
  table(ui) {
    const statusLine = h('p', { class: 'status-line', id: 'll-status', role: 'status', 'aria-live': 'polite' });
    const matchLine = h('p', { class: 'll-match', id: 'll-match' });
    const betweenLine = h('p', { class: 'll-between', id: 'll-between', 'aria-live': 'polite' });
    const actions = h('section', { class: 'panel ll-actions', id: 'll-actions', 'aria-labelledby': 'll-actions-title' });
    const seats = h('div', { class: 'll-seats-slot' });
    const hand = h('div', { class: 'll-hand-slot' });
    const logList = h('ol', { class: 'log', id: 'll-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Round log',
      tabindex: '0', 'data-scroll-key': 'll-log' });
    const reference = h('div', { class: 'll-reference-slot' });
    const element = h('section', { class: 'loveletter', 'aria-label': 'Palace Letters table' },
      h('div', { class: 'll-status' }, matchLine, betweenLine, statusLine),
      h('div', { class: 'll-main' }, h('div', { class: 'll-left' }, hand, actions), seats),
      h('section', { class: 'panel log-panel', 'aria-labelledby': 'll-log-title' },
        h('h2', { id: 'll-log-title' }, 'Match log'), logList),
      reference);

    let frame = null;
    let shown = null;
    const turn = oneAction(ui, () => frame, (force) => draw(force));
    let logged = [];
    let referenced = false;

    const cardName = (game, value) => {
      const card = game.cards?.find((c) => c.value === value);
      return card ? `${card.name} (${value})` : `card ${value}`;
    };
    // People count seats from 1; the view's seat numbers are indexes from 0.
    const who = (seat) => `${ui.nameOf(seat)} (seat ${seat + 1})`;
    const names = (seats) => seats.map((seat) => ui.nameOf(seat)).join(' and ');
    // The rules write "Seat 2" / "seat 2" (counted from 1) in their sentences: the table says the name.
    const named = (text) => (text ?? '').replace(/\b[Ss]eat (\d+)\b/g, (match, n) => ui.nameOf(Number(n) - 1));
    const tokens = (n) => `${n} favour ${n === 1 ? 'token' : 'tokens'}`;

    function describe(game) {
      if (game.phase === 'over') {
        const winners = game.winners ?? [];
        return `The match is over. ${winners.length === 1 ? `${who(winners[0])} wins.`
          : `${winners.map(who).join(' and ')} share the win.`}`;
      }
      if (game.you !== undefined && game.you !== null && game.turn === game.you) {
        return 'Your turn: play one of your two cards.';
      }
      return `${who(game.turn)} is playing.`;
    }

    const play = (action) => turn.act(action);

    function choiceLabel(game, param, value) {
      return param === 'guess' ? cardName(game, value) : `${who(value)}${value === game.you ? ', you' : ''}`;
    }

    /** "Round 2 went to Ann: the last one standing." */
    function roundResult(game, last) {
      const best = last.winners.length ? last.shown?.[last.winners[0]] : null;
      const why = {
        last_standing: 'the last one standing',
        highest_card: `the highest card, the ${cardName(game, best)}`,
        face_up_total: `the highest card, the ${cardName(game, best)}, and the higher total face up`,
      }[last.reason];
      const line = last.reason === 'shared'
        ? `Round ${last.round} was shared by ${names(last.winners)}: equal cards and equal totals face up.`
        : `Round ${last.round} went to ${names(last.winners)}: ${why ?? named(last.text)}.`;
      const shown = (last.shown ?? []).map((card, seat) => (card == null ? null : `${ui.nameOf(seat)} the ${cardName(game, card)}`))
        .filter(Boolean);
      return shown.length ? `${line} Shown: ${shown.join(', ')}.` : line;
    }

    /** The line between rounds: how the last one ended, and who starts this one (or who won the match). */
    function between(game) {
      const last = game.lastRound;
      if (!last) return '';
      if (game.phase === 'over') {
        const winners = game.winners ?? [];
        return `${roundResult(game, last)} ${names(winners)} ${winners.length === 1 ? 'wins' : 'share'} the match with `
          + `${tokens(game.goal)}.`;
      }
      return `${roundResult(game, last)} Round ${game.round} begins, ${ui.nameOf(last.winners[0])} starts.`;
    }

    function optionForm(game, option) {
      const card = option.action.card;
      const selects = option.choose.map((choice) => {
        const id = `ll-${choice.param}-${card}`;
        const select = h('select', { id, 'data-key': id, 'data-param': choice.param, disabled: turn.pending },
          choice.from.map((value) => h('option', { value: String(value) }, choiceLabel(game, choice.param, value))));
        return { choice, select, field: h('div', { class: 'field' }, h('label', { for: id }, PARAMS[choice.param] ?? choice.param), select) };
      });
      const text = game.cards?.find((c) => c.value === card)?.text;
      return h('form', { class: 'll-option', 'data-option': card, onsubmit: (e) => {
        e.preventDefault();
        const action = { ...option.action };
        for (const { choice, select } of selects) action[choice.param] = Number(select.value);
        play(action);
      } },
      text ? h('p', { class: 'hint' }, text) : null,
      selects.map((s) => s.field),
      h('button', { type: 'submit', class: 'primary', 'data-play': card, 'data-key': `play-${card}`, disabled: turn.pending },
        option.label));
    }

    function actionPanel(game) {
      const title = h('h2', { id: 'll-actions-title' }, ui.replay ? 'At this step' : 'Your move');
      if (game.phase === 'over') {
        const outcome = frame.room.outcome;
        return [h('h2', { id: 'll-actions-title' }, 'Match over'),
          h('div', { id: 'll-end' },
            h('p', { class: 'strong' }, outcome?.summary ? named(outcome.summary) : describe(game)),
            game.you !== undefined && game.you !== null
              ? h('p', {}, (game.winners ?? []).includes(game.you) ? 'You win the match.' : 'You did not win the match.') : null,
            game.aside ? h('p', {}, `The card set aside was the ${cardName(game, game.aside)}.`) : null)];
      }
      if (frame.me.spectator) return [title, h('p', { class: 'muted' }, 'You are watching: you see no hand and no private line.')];
      const options = game.youMay ?? [];
      if (!options.length) return [title, h('p', { class: 'muted', id: 'll-waiting' }, `Waiting for ${who(game.turn)}.`)];
      if (ui.replay) {
        return [title, h('p', {}, `${who(game.you)} could play: ${options.map((o) => o.label.replace(/^Play the /, '')).join(', ')}.`)];
      }
      return [title, h('div', { class: 'll-options', role: 'group', 'aria-label': 'The plays open to you' },
        options.map((option) => optionForm(game, option)))];
    }

    function handPanel(game) {
      if (game.you === undefined || game.you === null) return null;
      const mine = game.seats[game.you];
      return h('section', { class: 'panel ll-hand', 'aria-labelledby': 'll-hand-title' },
        h('h2', { id: 'll-hand-title' }, mine.out ? 'You are out of this round' : 'Your hand (only you see it)'),
        h('ul', { class: 'll-cards', id: 'll-hand' }, (mine.hand ?? []).map((value) => h('li', { class: 'll-card', 'data-my-card': value },
          h('strong', {}, cardName(game, value)),
          h('span', { class: 'hint' }, game.cards?.find((c) => c.value === value)?.text ?? '')))));
    }

    function seatList(game) {
      return h('section', { class: 'panel', 'aria-labelledby': 'll-seats-title' },
        h('h2', { id: 'll-seats-title' }, 'Around the table'),
        h('p', { class: 'muted', id: 'll-deck' }, `${game.deckLeft} ${game.deckLeft === 1 ? 'card' : 'cards'} left in the deck.`),
        h('ol', { class: 'll-seats' }, game.seats.map((seat) => {
          const member = ui.memberAt(seat.seat);
          const tags = [];
          if (seat.seat === game.turn && game.phase !== 'over') tags.push(['turn', 'on turn']);
          if (seat.out) tags.push(['out', 'out']);
          if (seat.shielded) tags.push(['shielded', 'protected by the Warden']);
          if ((game.winners ?? []).includes(seat.seat)) tags.push(['winner', 'winner']);
          if (member?.bot) tags.push(['bot', 'bot']);
          if (seat.seat === game.you) tags.push(['you', 'you']);
          return h('li', {
            class: ['ll-seat', seat.out ? 'is-out' : '', seat.seat === game.turn && game.phase !== 'over' ? 'awaited' : '',
              seat.seat === game.you ? 'mine' : ''].join(' '),
            'data-seat': seat.seat, 'data-out': String(seat.out), 'data-shielded': String(seat.shielded),
          },
          h('div', { class: 'seat-name' }, h('span', {}, ui.nameOf(seat.seat)), h('span', { class: 'muted' }, ` seat ${seat.seat + 1}`)),
          tags.length ? h('div', { class: 'seat-tags' }, tags.map(([kind, text]) => h('span', { class: `tag tag-${kind}` }, text))) : null,
          h('p', { class: 'll-tokens', 'data-tokens': seat.tokens ?? 0, title: `${tokens(seat.tokens ?? 0)} of ${game.goal}` },
            h('span', { 'aria-hidden': 'true' }, `${'●'.repeat(seat.tokens ?? 0)}${'○'.repeat(Math.max(0, (game.goal ?? 0) - (seat.tokens ?? 0)))} `),
            tokens(seat.tokens ?? 0)),
          h('p', { class: 'll-hand-size', 'data-hand-size': seat.handSize },
            seat.out ? 'Out of this round'
              : seat.hand && seat.seat !== game.you ? `Hand: ${seat.hand.map((v) => cardName(game, v)).join(', ')}`
                : `${seat.handSize} ${seat.handSize === 1 ? 'card' : 'cards'} in hand`),
          h('p', { class: 'll-discards' }, seat.discards.length
            ? `Played: ${seat.discards.map((v) => cardName(game, v)).join(', ')}` : 'Played: nothing yet'));
        })));
    }

    function referencePanel(game) {
      if (!game.cards?.length) return null;
      return h('details', { class: 'panel ll-reference' },
        h('summary', {}, 'The cards'),
        h('ul', {}, game.cards.map((c) => h('li', {}, h('strong', {}, `${c.name} (${c.value}), ${c.copies}×: `), c.text))));
    }

    function updateLog(game) {
      const lines = (game.log ?? []).map((line) => `${line.onlyYou ? '1' : '0'}${line.text}`);
      const same = logged.length <= lines.length && logged.every((l, i) => l === lines[i]);
      if (!same) {
        logList.replaceChildren();
        logged = [];
      }
      for (const line of (game.log ?? []).slice(logged.length)) {
        const newRound = !line.onlyYou && /^Round \d+:/.test(line.text);
        logList.append(h('li', { class: [line.onlyYou ? 'private' : '', newRound ? 'll-round' : ''].join(' ').trim(),
          'data-private': line.onlyYou ? 'true' : null },
        line.onlyYou ? h('span', { class: 'tag tag-private' }, 'only you') : null, line.onlyYou ? ' ' : null, named(line.text)));
      }
      if (lines.length !== logged.length) logList.scrollTop = logList.scrollHeight;
      logged = lines;
    }

    let parts = {};

    function redrawPart(part, shows, el, build) {
      const key = JSON.stringify(shows);
      if (parts[part] === key) return;
      parts[part] = key;
      rerender(el, build);
    }

    function draw(force) {
      const game = frame?.game;
      if (!game) return;
      const signature = JSON.stringify([game, frame.room.members, frame.room.outcome, frame.me.spectator, turn.pending]);
      if (!force && signature === shown) return;
      shown = signature;
      element.dataset.phase = game.phase;
      const sentence = describe(game);
      if (statusLine.textContent !== sentence) statusLine.textContent = sentence;
      const match = `Round ${game.round} · first to ${tokens(game.goal)}`;
      if (matchLine.textContent !== match) matchLine.textContent = match;
      const line = between(game);
      if (betweenLine.textContent !== line) betweenLine.textContent = line;
      betweenLine.hidden = !line;
      // Each part is drawn again only when what it shows changed: a frame about something else (a member's
      // presence, the log) must not reset a picker the player set, or swallow a click under way.
      if (force) parts = {};
      const names = frame.room.members.map((m) => [m.seat, m.name, m.bot]);
      const you = game.you === undefined || game.you === null ? null : game.seats[game.you];
      redrawPart('hand', [game.you, you, game.cards], hand, () => handPanel(game));
      redrawPart('actions', [game.phase, game.you, game.turn, game.youMay, game.winners, game.aside, game.cards,
        frame.room.outcome, frame.me.spectator, turn.pending, names], actions, () => actionPanel(game));
      redrawPart('seats', [game.seats, game.turn, game.phase, game.winners, game.you, game.deckLeft, game.goal, names],
        seats, () => seatList(game));
      if (!referenced) {
        referenced = true;
        reference.append(referencePanel(game) ?? '');
      }
      updateLog(game);
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
  },
};

export default loveletter;
