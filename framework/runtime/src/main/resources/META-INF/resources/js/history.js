// #/history: finished matches from the archive, filtered by game, player name and date range, a page
// at a time, each with a link to its replay. The filters live in the address (#/history?game=avalon&page=1)
// so a search can be shared and survives a reload.
import { lobby } from '/roundtable/client.js';
import { h, fill, rerender } from './dom.js';
import { archive, when } from './archive.js';
import { shortTitle } from './games/index.js';

const SIZE = 10;
const RESULTS = { win: 'won', loss: 'lost', none: 'nobody won' };

export function mountHistory(main, ctx, params) {
  const query = {
    game: params.get('game') ?? '',
    player: params.get('player') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Math.max(0, Number(params.get('page')) || 0),
  };
  let games = [];
  let destroyed = false;
  let asked = 0;

  const gameSelect = h('select', { id: 'history-game' }, h('option', { value: '' }, 'Any game'));
  const player = h('input', { id: 'history-player', type: 'text', maxlength: 64, value: query.player, autocomplete: 'off' });
  const from = h('input', { id: 'history-from', type: 'date', value: query.from });
  const to = h('input', { id: 'history-to', type: 'date', value: query.to });
  const status = h('p', { id: 'history-status', role: 'status', 'aria-live': 'polite', class: 'muted' }, 'Loading finished matches…');
  const results = h('div', { id: 'history-results' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of results' });

  const form = h('form', { class: 'history-filters', role: 'search', 'aria-label': 'Filter finished matches', onsubmit: (e) => {
    e.preventDefault();
    query.game = gameSelect.value;
    query.player = player.value.trim();
    query.from = from.value;
    query.to = to.value;
    query.page = 0;
    load();
  } },
  h('div', { class: 'field' }, h('label', { for: 'history-game' }, 'Game'), gameSelect),
  h('div', { class: 'field' }, h('label', { for: 'history-player' }, 'Player name'), player),
  h('div', { class: 'field' }, h('label', { for: 'history-from' }, 'Finished from'), from),
  h('div', { class: 'field' }, h('label', { for: 'history-to' }, 'Finished until'), to),
  h('div', { class: 'history-buttons' },
    h('button', { type: 'submit', class: 'primary', id: 'history-search' }, 'Search'),
    h('button', { type: 'button', id: 'history-clear', onclick: () => {
      Object.assign(query, { game: '', player: '', from: '', to: '', page: 0 });
      gameSelect.value = '';
      player.value = '';
      from.value = '';
      to.value = '';
      load();
    } }, 'Clear filters')));

  fill(main, h('section', { class: 'history', 'aria-labelledby': 'history-title' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'history-title' }, 'Finished matches'),
      h('a', { class: 'button subtle', href: '#/' }, 'Back to the lobby')),
    h('p', { class: 'muted' }, 'Every finished game is archived with all its moves: open one to replay it step by step, '
      + 'as a spectator, or through your own eyes if you played it in this browser.'),
    h('section', { class: 'panel' }, form),
    h('section', { class: 'panel', 'aria-labelledby': 'history-results-title' },
      h('h2', { id: 'history-results-title', class: 'sr-only' }, 'Results'),
      status, results, pager)));

  const titleOf = (id) => shortTitle(games.find((g) => g.id === id), id);

  function address() {
    const q = new URLSearchParams();
    for (const key of ['game', 'player', 'from', 'to']) {
      if (query[key]) q.set(key, query[key]);
    }
    if (query.page) q.set('page', String(query.page));
    const text = q.toString();
    return `#/history${text ? `?${text}` : ''}`;
  }

  function participants(match) {
    return h('ul', { class: 'participants' }, match.participants.map((p) => h('li', { 'data-seat': p.seat },
      h('span', { class: 'member-name' }, p.name), h('span', { class: 'muted' }, ` seat ${p.seat + 1}`),
      p.bot ? [' ', h('span', { class: 'tag tag-bot' }, 'bot')] : null,
      [p.revealed, RESULTS[p.result] ?? p.result].filter(Boolean).length
        ? `: ${[p.revealed, RESULTS[p.result] ?? p.result].filter(Boolean).join(', ')}` : '')));
  }

  function render(page) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    status.textContent = page.total === 0 ? 'No finished match matches these filters.'
      : `${page.total} finished ${page.total === 1 ? 'match' : 'matches'}; page ${page.page + 1} of ${pages}.`;
    rerender(results, () => (page.items.length === 0 ? null : h('div', { class: 'scroll-x' },
      h('table', { class: 'history-table' },
        h('caption', { class: 'sr-only' }, 'Finished matches, newest first'),
        h('thead', {}, h('tr', {},
          ['Finished', 'Game', 'Players', 'How it ended', 'Moves', 'Replay'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.map((match) => h('tr', { 'data-match': match.id },
          h('td', {}, when(match.finishedAt)),
          h('td', {}, titleOf(match.game)),
          h('td', {}, participants(match)),
          h('td', {}, match.summary ?? '', match.follows ? [' ', h('a', { href: `#/replay/${match.follows}`,
            class: 'tag', 'data-follows': match.follows }, 'rematch')] : null),
          h('td', {}, String(match.moves)),
          h('td', {}, h('a', { class: 'button', href: `#/replay/${match.id}`, 'data-replay': match.id,
            'aria-label': `Replay the ${titleOf(match.game)} match finished ${when(match.finishedAt)}` }, 'Replay')))))))));
    rerender(pager, () => (pages <= 1 ? null : [
      h('button', { type: 'button', id: 'history-prev', 'data-key': 'prev', disabled: page.page === 0,
        onclick: () => { query.page = page.page - 1; load(); } }, 'Newer'),
      h('span', { class: 'muted' }, ` Page ${page.page + 1} of ${pages} `),
      h('button', { type: 'button', id: 'history-next', 'data-key': 'next', disabled: page.page + 1 >= pages,
        onclick: () => { query.page = page.page + 1; load(); } }, 'Older'),
    ]));
  }

  async function load() {
    history.replaceState(null, '', address());
    const ticket = ++asked;
    status.textContent = 'Loading finished matches…';
    try {
      const page = await archive.search({ ...query, size: SIZE });
      if (!destroyed && ticket === asked) render(page);
    } catch (error) {
      if (destroyed || ticket !== asked) return;
      status.textContent = 'The history is not available right now.';
      fill(results);
      fill(pager);
      ctx.notice.error(error);
    }
  }

  lobby.games().then((list) => {
    games = list;
    if (destroyed) return;
    fill(gameSelect, h('option', { value: '' }, 'Any game'), games.map((g) => h('option', { value: g.id }, g.title)));
    gameSelect.value = query.game;
  }).catch(() => {}).finally(() => {
    if (!destroyed) load();
  });

  return {
    destroy() {
      destroyed = true;
    },
  };
}
