// The create-room form for Avalon: player count, special roles, Lady of the Lake, variants, bot
// strategy and turn timers. The server validates; the summary line only helps choosing.
import { h } from '/js/dom.js';
import { ROLES, SPECIAL_ROLES, SIDES, STEPS, STEP_NAMES, defaultRoles } from './rules.js';

const VARIANTS = [
  ['lady', 'Lady of the Lake', 'After quests 2, 3 and 4 its holder learns one player\'s loyalty (recommended from 7 players).'],
  ['hammer', 'Hammer', 'The fifth proposal of a round goes on the quest without a vote.'],
  ['oberonHiddenFromMerlin', 'Oberon hidden from Merlin', 'Merlin does not see Oberon either.'],
  ['evilChannel', 'Evil channel', 'The evil players who know each other share a private chat channel.'],
];

export function avalonOptionsForm(info) {
  const defaults = info.defaultOptions ?? {};
  let touched = false;

  const players = h('select', { id: 'avalon-players', name: 'players' },
    Object.keys(SIDES).map((n) => h('option', { value: n, selected: Number(n) === (defaults.players ?? 5) }, `${n} players`)));
  const initial = new Set(defaults.roles ?? defaultRoles(5));
  const roleBoxes = SPECIAL_ROLES.map((id) => h('input', {
    type: 'checkbox', id: `avalon-role-${id}`, name: 'roles', value: id, checked: initial.has(id),
    'data-side': ROLES[id].side, onchange: () => { touched = true; },
  }));
  const summary = h('p', { class: 'hint', id: 'avalon-roles-summary', 'aria-live': 'polite' });
  const variantBoxes = VARIANTS.map(([key]) => h('input', {
    type: 'checkbox', id: `avalon-${key}`, name: key, checked: Boolean(defaults[key]),
  }));
  const strategy = h('select', { id: 'avalon-bots' },
    h('option', { value: 'heuristic', selected: defaults.botStrategy !== 'random' }, 'careful (uses what its seat knows)'),
    h('option', { value: 'random', selected: defaults.botStrategy === 'random' }, 'random (any legal move)'));
  const timers = STEPS.map((step) => h('input', {
    type: 'number', id: `avalon-timer-${step}`, min: 0, max: 3600, step: 1, inputmode: 'numeric',
    value: defaults.timers?.[step] ?? 0,
  }));

  function summarize() {
    const n = Number(players.value);
    const [good, evil] = SIDES[n];
    const chosen = roleBoxes.filter((b) => b.checked);
    const goodRoles = chosen.filter((b) => b.dataset.side === 'good').length;
    const evilRoles = chosen.length - goodRoles;
    summary.textContent = `${n} players: ${good} good and ${evil} evil seats. Chosen: ${goodRoles} good and `
      + `${evilRoles} evil special roles; the other seats are Loyal Servants and Minions.`;
  }

  players.addEventListener('change', () => {
    if (!touched) {
      const roles = new Set(defaultRoles(Number(players.value)));
      roleBoxes.forEach((b) => { b.checked = roles.has(b.value); });
    }
    summarize();
  });
  roleBoxes.forEach((b) => b.addEventListener('change', summarize));
  summarize();

  const element = h('div', { class: 'avalon-options' },
    h('div', { class: 'field' }, h('label', { for: 'avalon-players' }, 'Players'), players),
    h('fieldset', { class: 'roles' },
      h('legend', {}, 'Special roles'),
      roleBoxes.map((box) => h('div', { class: 'check' }, box,
        h('label', { for: box.id }, h('strong', {}, ROLES[box.value].title),
          h('span', { class: 'muted' }, ` (${ROLES[box.value].side}) ${ROLES[box.value].help}`)))),
      summary),
    h('fieldset', { class: 'variants' },
      h('legend', {}, 'Variants'),
      variantBoxes.map((box, i) => h('div', { class: 'check' }, box,
        h('label', { for: box.id }, h('strong', {}, VARIANTS[i][1]), h('span', { class: 'muted' }, ` ${VARIANTS[i][2]}`))))),
    h('div', { class: 'field' }, h('label', { for: 'avalon-bots' }, 'Bots and stand-ins play'), strategy),
    h('details', { class: 'timers' },
      h('summary', {}, 'Turn timers'),
      h('p', { class: 'hint' }, 'Seconds per step, 0 for none. When time runs out the server plays a default move.'),
      h('div', { class: 'timer-grid' }, timers.map((input, i) => h('div', { class: 'field' },
        h('label', { for: input.id }, STEP_NAMES[STEPS[i]]), input)))));

  return {
    element,
    seats: () => Number(players.value),
    options() {
      const roles = roleBoxes.filter((b) => b.checked).map((b) => b.value);
      const options = {
        players: Number(players.value),
        // An empty list means "the default set" to the server; ["servant"] means "no special roles".
        roles: roles.length ? roles : ['servant'],
        botStrategy: strategy.value,
        timers: Object.fromEntries(STEPS.map((step, i) => [step, Math.max(0, Number(timers[i].value) || 0)])),
      };
      VARIANTS.forEach(([key], i) => { options[key] = variantBoxes[i].checked; });
      return options;
    },
  };
}
