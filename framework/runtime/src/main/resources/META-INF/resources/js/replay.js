// #/replay/<match id>: steps through an archived match with GET /api/matches/{id}/replay. First,
// previous, next, last, a slider, the move that led to this step (as the chosen eyes may know it), and
// whose eyes to see it through: a spectator's; your own seat's when this browser holds its seat token;
// every seat's and everything revealed only when the server's operator opted in (detail.fullReveal).
// The step is drawn by the game's table component in replay mode (no moves offered): its own, or the
// generic table for a game without one; the revealed state is shown as JSON. Step and viewer live in the address
// (?step=3&viewer=seat:2), so a moment of a match can be shared; eyes the server refuses to someone
// else show its sentence, and the page falls back to a spectator's.
import { lobby } from '/roundtable/client.js';
import { h, fill, time } from './dom.js';
import { archive, seatName, when } from './archive.js';
import { seats } from './identity.js';
import { gameComponent, shortTitle } from './games/index.js';
import { generic } from './games/generic.js';

const ARCHIVE_WAIT_MS = 20000;
const BY = { bot: 'a bot', timeout: 'the turn timer' };
// Statuses of eyes refused to this asker (no or another seat's token, revealed not allowed, no such seat).
const REFUSED = new Set([400, 401]);

/** "vote (vote: approve)", "propose (team: 0, 3, 4)": an action in words, from its JSON. */
function actionText(action) {
  if (!action || typeof action !== 'object') return '';
  const { type, ...rest } = action;
  const fields = Object.entries(rest).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : v}`);
  return `${type ?? 'action'}${fields.length ? ` (${fields.join(', ')})` : ''}`;
}

export function mountReplay(main, id, ctx, params) {
  let match = null;
  let steps = 0;
  let step = Math.max(0, Number(params.get('step')) || 0);
  let viewer = params.get('viewer') ?? 'spectator';
  // The seat token this browser got when it joined the room: the match id is the room id.
  const token = seats.get(id)?.token ?? null;
  let you = null;
  let fullReveal = false;
  let component = null;
  let table = null;
  let tableFor = null;
  let shown = null; // the step on screen, drawn again once the game's list says where its view holds seats
  let asked = 0;
  let destroyed = false;
  let retry = null;
  let sliding = null;

  const title = h('h1', { id: 'replay-title' }, 'Replay');
  const summary = h('p', { id: 'replay-summary', class: 'muted' }, 'Loading the match…');
  const chain = h('p', { id: 'replay-chain', hidden: true });
  const viewerHint = h('p', { id: 'replay-viewer-hint', class: 'hint' }, 'A spectator sees only public facts.');
  const viewerSelect = h('select', { id: 'replay-viewer', disabled: true, 'aria-describedby': 'replay-viewer-hint',
    onchange: () => { viewer = viewerSelect.value; show(step); } });
  const control = (idName, text, label, keys, go) => h('button', { type: 'button', id: idName, 'aria-label': label,
    'aria-keyshortcuts': keys, disabled: true, onclick: () => go() }, text);
  const first = control('replay-first', '|◀ First', 'First step', 'Home', () => show(0));
  const prev = control('replay-prev', '◀ Previous', 'Previous step', 'ArrowLeft', () => show(step - 1));
  const next = control('replay-next', 'Next ▶', 'Next step', 'ArrowRight', () => show(step + 1));
  const last = control('replay-last', 'Last ▶|', 'Last step', 'End', () => show(steps));
  const slider = h('input', { type: 'range', id: 'replay-slider', min: 0, max: 0, value: 0, step: 1, disabled: true,
    oninput: () => {
      counter(Number(slider.value));
      clearTimeout(sliding);
      sliding = setTimeout(() => show(Number(slider.value)), 120);
    } });
  const counterText = h('p', { id: 'replay-step', class: 'strong', role: 'status', 'aria-live': 'polite' });
  const moveText = h('p', { id: 'replay-move' });
  const stage = h('div', { id: 'replay-view', class: 'replay-view' });
  const jsonText = h('pre', { class: 'code view', tabindex: '0', 'aria-label': 'This step as JSON', 'data-scroll-key': 'replay-json' });
  const jsonDetails = h('details', { class: 'panel', id: 'replay-json', hidden: true },
    h('summary', {}, 'This step as JSON'), jsonText);

  const controls = h('section', { class: 'panel replay-controls', 'aria-label': 'Replay controls', onkeydown: onKey },
    h('div', { class: 'field' },
      h('label', { for: 'replay-viewer' }, 'See through the eyes of'), viewerSelect,
      viewerHint),
    h('div', { class: 'replay-nav' },
      h('div', { class: 'replay-buttons', role: 'group', 'aria-label': 'Step through the match' }, first, prev, next, last),
      h('label', { for: 'replay-slider', class: 'replay-slider-label' }, 'Step'), slider),
    counterText, moveText,
    h('p', { class: 'hint' }, 'Keys: ← and → step back and forth, Home and End jump to the start and the end.'));

  fill(main, h('section', { class: 'replay', 'aria-labelledby': 'replay-title', 'data-match': id },
    h('div', { class: 'page-head' }, title,
      h('div', { class: 'room-tools' },
        h('a', { class: 'button', href: '#/history', id: 'replay-history' }, 'All finished matches'),
        h('a', { class: 'button subtle', href: '#/' }, 'Lobby'))),
    summary, chain, controls, stage, jsonDetails));

  const nameOf = (seat) => match?.participants?.find((p) => p.seat === seat)?.name ?? `Seat ${seat + 1}`;
  const members = () => (match?.participants ?? []).map((p) => ({
    id: `seat-${p.seat}`, name: p.name, seat: p.seat, bot: p.bot, standIn: false, ready: true, presence: null,
  }));
  const ui = {
    notice: ctx.notice,
    replay: true,
    act: () => Promise.reject(Object.assign(new Error('This is a replay: nothing can be played here.'), { code: 'client/replay' })),
    game: null, // the game's GET /api/games entry, once loaded (the generic table names seats with it)
    nameOf,
    memberAt: (seat) => members().find((m) => m.seat === seat) ?? null,
  };

  function onKey(event) {
    if (event.target === slider || event.target === viewerSelect || event.altKey || event.ctrlKey || event.metaKey) return;
    const go = { ArrowLeft: () => show(step - 1), ArrowRight: () => show(step + 1), Home: () => show(0), End: () => show(steps) }[event.key];
    if (go && match) {
      event.preventDefault();
      go();
    }
  }

  function counter(n) {
    counterText.textContent = `Step ${n} of ${steps}`;
    slider.setAttribute('aria-valuetext', `Step ${n} of ${steps}`);
  }

  function address() {
    return `#/replay/${id}?step=${step}&viewer=${encodeURIComponent(viewer)}`;
  }

  function updateControls() {
    first.disabled = step === 0;
    prev.disabled = step === 0;
    next.disabled = step >= steps;
    last.disabled = step >= steps;
    slider.disabled = steps === 0;
    slider.max = String(steps);
    slider.value = String(step);
    counter(step);
  }

  function describeMove(move) {
    if (!move) return 'The start: the game as it was dealt, before any move.';
    const who = move.seat >= 0 ? seatName(match, move.seat) : 'The table';
    const kind = move.kind === 'act' ? '' : ` ${move.kind === 'join' ? 'sat down' : move.kind === 'leave' ? 'left' : move.kind}`;
    const action = actionText(move.action);
    const by = move.by && move.by !== 'player' ? `, played by ${BY[move.by] ?? move.by}` : '';
    return `The move that led here: move ${move.index + 1}, ${who}${kind}${action ? ` — ${action}` : ''}${by}`
      + `${move.at ? `, at ${time(move.at)}` : ''}.`;
  }

  function frameOf(result) {
    const over = result.step === result.steps;
    return {
      room: {
        id, game: match.game, phase: over ? 'FINISHED' : 'PLAY', version: result.step, options: null, deadline: null,
        paused: false, members: members(), outcome: over && match.summary ? { summary: match.summary } : null,
      },
      me: { member: null, spectator: result.viewer === 'spectator' },
      channels: [],
      game: result.view,
    };
  }

  function render(result) {
    moveText.textContent = describeMove(result.move);
    jsonText.textContent = JSON.stringify(result.view, null, 2);
    shown = result;
    const own = result.viewer !== 'revealed';
    stage.dataset.viewer = result.viewer;
    stage.dataset.step = String(result.step);
    jsonDetails.hidden = !own || component.table === generic.table; // the generic table has its own
    if (!own) {
      table?.destroy();
      table = null;
      tableFor = null;
      fill(stage, h('h2', {}, 'The whole state, every secret shown'),
        h('pre', { class: 'code view', tabindex: '0', 'aria-label': 'This step as JSON', id: 'replay-state' }, jsonText.textContent));
      return;
    }
    if (!table || tableFor !== result.viewer) {
      table?.destroy();
      table = component.table(ui);
      tableFor = result.viewer;
      fill(stage, table.element);
    }
    table.render(frameOf(result));
  }

  async function show(n) {
    if (!match) return;
    step = Math.min(Math.max(0, n), steps);
    updateControls();
    history.replaceState(null, '', address());
    const ticket = ++asked;
    try {
      const result = await archive.step(id, step, viewer, token);
      if (destroyed || ticket !== asked) return;
      steps = result.steps;
      render(result);
    } catch (error) {
      if (destroyed || ticket !== asked) return;
      ctx.notice.error(error);
      if (viewer !== 'spectator' && REFUSED.has(error.status)) {
        viewer = 'spectator';
        viewerSelect.value = viewer;
        show(step);
      }
    }
  }

  /** A spectator; you, if this browser played a seat; every seat and everything only if the server shows them. */
  function viewerOptions() {
    const options = [h('option', { value: 'spectator' }, 'A spectator (public facts only)')];
    for (const p of match.participants) {
      if (p.seat === you) {
        options.push(h('option', { value: `seat:${p.seat}`, 'data-you': true }, `You (seat ${p.seat + 1}: ${p.name})`));
      } else if (fullReveal) {
        options.push(h('option', { value: `seat:${p.seat}` }, `Seat ${p.seat + 1}: ${p.name}${p.bot ? ' (bot)' : ''}`));
      }
    }
    if (fullReveal) options.push(h('option', { value: 'revealed' }, 'Everything, fully revealed'));
    fill(viewerSelect, options);
    viewerSelect.value = viewer; // eyes not offered stay asked for: the server says why not, then a spectator's
    viewerSelect.disabled = false;
    viewerHint.textContent = fullReveal
      ? 'This server shows every seat and the whole state: a seat sees what its player saw, a spectator only public facts.'
      : `A spectator sees only public facts${you === null ? '' : '; your own seat, what you saw'}. Other seats are for their players.`;
  }

  async function load(started) {
    try {
      const detail = await archive.match(id, token);
      if (destroyed) return;
      match = detail.match;
      you = detail.you ?? null;
      fullReveal = detail.fullReveal === true;
      steps = detail.moves.length;
      component = gameComponent(match.game);
      const names = match.participants.map((p) => p.name).join(', ');
      summary.textContent = `Finished ${when(match.finishedAt)} · ${match.players} players: ${names} · ${steps} moves`
        + `${match.summary ? ` · ${match.summary}` : ''}`;
      title.textContent = `Replay of a ${match.game} match`;
      // Rematches: the match this table played before, and the one it played next (once archived).
      fill(chain, match.follows ? ['This table played again after ',
        h('a', { href: `#/replay/${match.follows}`, id: 'replay-follows' }, 'an earlier match'), '. '] : null,
      detail.followedBy ? ['It played again next: ',
        h('a', { href: `#/replay/${detail.followedBy}`, id: 'replay-followed-by' }, 'the next match'), '.'] : null);
      chain.hidden = !match.follows && !detail.followedBy;
      lobby.games().then((games) => {
        const game = games.find((g) => g.id === match.game);
        if (game && !destroyed) {
          title.textContent = `Replay: ${shortTitle(game, match.game)}`;
          ui.game = game;
          if (shown) render(shown);
        }
      }).catch(() => {});
      viewerOptions();
      show(step);
    } catch (error) {
      if (destroyed) return;
      if (error.status === 404 && Date.now() - started < ARCHIVE_WAIT_MS) {
        summary.textContent = 'This match is being archived (it finished a moment ago)…';
        retry = setTimeout(() => load(started), 500);
        return;
      }
      summary.textContent = error.status === 404 ? 'There is no archived match with this id.' : 'The match cannot be loaded right now.';
      ctx.notice.error(error);
    }
  }

  load(Date.now());

  return {
    destroy() {
      destroyed = true;
      clearTimeout(retry);
      clearTimeout(sliding);
      table?.destroy();
    },
  };
}
