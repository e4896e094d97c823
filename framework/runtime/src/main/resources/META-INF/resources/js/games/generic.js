// The component of any game without its own: an options form drawn from the options' JSON Schema
// (GET /api/games `optionsSchema`, prefilled with `defaultOptions`; a JSON box when there is none), and a
// table drawn from the viewer's view — the public facts, a row per seat for per-seat lists, your own
// facts (fields named my…) apart, and one button per choice of a typed `youMay` (the SPI's Choice and
// Param) with a picker per parameter. The view as JSON and a JSON action box stay at hand below.
import { h, rerender } from '../dom.js';
import { oneAction } from './one-action.js';
import { schemaForm } from './schema-form.js';

let ids = 0;

/** A typed youMay: a list of {action, label, params[]}. */
export function typedChoices(view) {
  const youMay = view?.youMay;
  return Array.isArray(youMay) && youMay.length > 0
    && youMay.every((c) => c && typeof c.action === 'string' && Array.isArray(c.params)) ? youMay : null;
}

/** "myPick" → "pick", "questResults" → "quest results". */
function words(key) {
  const bare = /^my[A-Z]/.test(key) ? key.slice(2) : key;
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function scalar(value) {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

/**
 * Where the view holds seats: the game's `seatFields` (JSON Pointers, GET /api/games; `/you` always).
 * A number there is a seat index from 0, shown as people count: "seat 2 (Bob)".
 */
function seatPointers(ui) {
  return new Set(['/you', ...(ui.game?.seatFields ?? [])]);
}

function seatOrScalar(value, isSeat, ui) {
  return isSeat && Number.isInteger(value) ? `seat ${value + 1} (${ui.nameOf(value)})` : scalar(value);
}

/**
 * A value as text, or as a small list / JSON block when it is not a scalar. `path` is its JSON Pointer in the
 * view: numbers at a seat field (or in a list at one, or in an object's field at one) are named as seats.
 */
function shown(value, path, seats, ui) {
  if (value === null || value === undefined) return '—';
  const isSeat = seats.has(path);
  if (typeof value !== 'object') return seatOrScalar(value, isSeat, ui);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.length === 0 ? 'none' : value.map((v) => (v === null ? '—' : seatOrScalar(v, isSeat, ui))).join(', ');
  }
  const entries = Array.isArray(value) ? null : Object.entries(value);
  if (entries && entries.every(([, v]) => v === null || typeof v !== 'object')) {
    return entries.map(([k, v]) => {
      const seat = seats.has(`${path}/${k}`);
      const text = v === null ? '—' : seatOrScalar(v, seat, ui);
      return seat && k === 'seat' && v !== null ? text : `${words(k)} ${text}`; // not "seat seat 2 (Bob)"
    }).join(' · ');
  }
  return h('pre', { class: 'code' }, JSON.stringify(value, null, 2));
}

function factList(entries, seats, ui) {
  return h('dl', { class: 'facts' }, entries.map(([key, value]) => [
    h('dt', {}, capital(words(key))),
    h('dd', { 'data-fact': key }, shown(value, `/${key}`, seats, ui)),
  ]));
}

/** Lists with one entry per seat, drawn as a table with a row per seat. */
function seatTable(perSeat, seats, pointers, ui) {
  return h('table', { class: 'seat-facts' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Seat'), perSeat.map(([key]) => h('th', { scope: 'col' }, capital(words(key)))))),
    h('tbody', {}, Array.from({ length: seats }, (_, seat) => h('tr', { 'data-seat': seat },
      h('th', { scope: 'row' }, `${seat + 1} · ${ui.nameOf(seat)}`),
      perSeat.map(([key, list]) => h('td', { 'data-fact': `${key}.${seat}` },
        shown(list[seat], pointers.has(`/${key}`) ? `/${key}` : `/${key}/${seat}`, pointers, ui)))))));
}

/** The view, readably: public facts, per-seat lists, and the viewer's own facts apart. */
function viewParts(view, frame, ui) {
  const seats = frame.room.members.filter((m) => m.seat !== null && m.seat !== undefined).length;
  const pointers = seatPointers(ui);
  const publicFacts = [];
  const perSeat = [];
  const mine = [];
  for (const [key, value] of Object.entries(view ?? {})) {
    if (key === 'youMay' || value === null || value === undefined) continue;
    if (/^my[A-Z]/.test(key)) mine.push([key, value]);
    else if (Array.isArray(value) && seats > 1 && value.length === seats) perSeat.push([key, value]);
    else publicFacts.push([key, value]);
  }
  return [
    publicFacts.length ? factList(publicFacts, pointers, ui) : null,
    perSeat.length ? seatTable(perSeat, seats, pointers, ui) : null,
    mine.length ? h('section', { class: 'panel secret', 'aria-label': 'Only you see this' },
      h('h3', {}, 'Only you see this'), factList(mine, pointers, ui)) : null,
  ];
}

/** A picker for one parameter of a choice; read() gives the value for the action's field, or throws a sentence. */
function picker(param, choiceId, ui) {
  const id = `${choiceId}-${param.name}`;
  const label = h('label', { for: id }, param.label);
  const many = (param.kind === 'seats' || param.kind === 'cards') && param.max > 1;
  if (many) {
    const boxes = param.from.map((value, i) => h('input', { type: 'checkbox', id: `${id}-${i}`, 'data-key': `${id}-${i}`, value: i }));
    const count = param.min === param.max ? `${param.min}` : `${param.min} to ${param.max}`;
    return {
      element: h('fieldset', { class: 'field', 'data-param': param.name },
        h('legend', {}, `${param.label} (choose ${count})`),
        param.from.map((value, i) => h('label', { class: 'check' }, boxes[i],
          param.kind === 'seats' ? `${value + 1} · ${ui.nameOf(value)}` : String(value)))),
      read() {
        const picked = boxes.filter((b) => b.checked).map((b) => param.from[Number(b.value)]);
        if (picked.length < param.min || picked.length > param.max) {
          throw Object.assign(new Error(`Choose ${count} for “${param.label}”.`), { code: 'client/choice' });
        }
        return picked;
      },
    };
  }
  if (param.kind === 'seats' || param.kind === 'cards' || param.kind === 'oneOf') {
    const values = param.kind === 'oneOf' ? param.values : param.from;
    const select = h('select', { id, 'data-key': id },
      values.map((value, i) => h('option', { value: i }, param.kind === 'seats' ? `${value + 1} · ${ui.nameOf(value)}` : String(value))));
    return {
      element: h('div', { class: 'field', 'data-param': param.name }, label, select),
      read: () => values[Number(select.value)],
    };
  }
  if (param.kind === 'number') {
    const input = h('input', { type: 'number', id, 'data-key': id, min: param.min, max: param.max, step: 1, value: param.min });
    return {
      element: h('div', { class: 'field', 'data-param': param.name }, label, input),
      read() {
        const n = Number(input.value);
        if (!Number.isInteger(n) || n < param.min || n > param.max) {
          throw Object.assign(new Error(`“${param.label}” is a whole number from ${param.min} to ${param.max}.`), { code: 'client/choice' });
        }
        return n;
      },
    };
  }
  if (param.kind === 'yesNo') {
    const box = h('input', { type: 'checkbox', id, 'data-key': id });
    return { element: h('div', { class: 'field check', 'data-param': param.name }, box, label), read: () => box.checked };
  }
  return {
    element: h('p', { class: 'hint' }, `This page cannot pick “${param.label}” (kind ${param.kind}); use the JSON box below.`),
    read() {
      throw Object.assign(new Error(`This page cannot pick “${param.label}”.`), { code: 'client/choice' });
    },
  };
}

/** A form per choice: its pickers and its button. */
function choiceForm(choice, index, turn, ui) {
  const choiceId = `choice-${index}`;
  const pickers = choice.params.map((p) => picker(p, choiceId, ui));
  const submit = (event) => {
    event.preventDefault();
    const action = { type: choice.action };
    try {
      choice.params.forEach((p, i) => { action[p.name] = pickers[i].read(); });
    } catch (e) {
      ui.notice.error(e);
      return;
    }
    turn.act(action);
  };
  return h('form', { class: 'choice', 'data-choice': choice.action, onsubmit: submit },
    pickers.map((p) => p.element),
    h('button', { type: 'submit', class: 'primary', 'data-key': `${choiceId}-go`, 'data-choice-button': choice.action,
      disabled: turn.pending }, choice.label));
}

export const generic = {
  optionsForm(info) {
    if (info.optionsSchema?.type === 'object' && info.optionsSchema.properties) {
      return schemaForm(info, `options-${++ids}`);
    }
    const id = `options-${++ids}`;
    const area = h('textarea', { id, rows: 8, spellcheck: 'false', class: 'code', 'aria-describedby': `${id}-hint` });
    area.value = JSON.stringify(info.defaultOptions ?? {}, null, 2);
    const hint = h('p', { id: `${id}-hint`, class: 'hint' }, 'The options this game takes, as JSON. The server checks them.');
    return {
      element: h('div', { class: 'field' }, h('label', { for: id }, 'Options (JSON)'), area, hint),
      options() {
        try {
          return JSON.parse(area.value || '{}');
        } catch (e) {
          throw Object.assign(new Error(`The options are not valid JSON: ${e.message}`), { code: 'client/options' });
        }
      },
      seats: () => info.maxPlayers,
    };
  },

  table(ui) {
    const element = h('section', { class: 'generic-table', 'aria-label': 'Game' });
    let draft = '{"type": ""}';
    let shownAs = null;
    let frame = null;
    const send = async (area, button) => {
      let action;
      try {
        action = JSON.parse(area.value);
      } catch (e) {
        ui.notice.error(Object.assign(new Error(`The action is not valid JSON: ${e.message}`), { code: 'client/json' }));
        return;
      }
      button.disabled = true;
      try {
        await ui.act(action);
      } finally {
        button.disabled = false;
      }
    };
    const draw = (force) => {
      const text = JSON.stringify(frame.game, null, 2);
      const key = text + frame.room.phase + turn.pending + (ui.game ? 'named' : '');
      if (!force && key === shownAs) return;
      shownAs = key;
      const choices = ui.replay || frame.me.spectator ? null : typedChoices(frame.game);
      rerender(element, () => {
        const area = h('textarea', { id: 'generic-action', rows: 3, class: 'code', spellcheck: 'false', 'data-key': 'action',
          oninput: () => { draft = area.value; } });
        area.value = draft;
        const button = h('button', { type: 'submit', 'data-key': 'send' }, 'Send action');
        const outcome = frame.room.outcome;
        const typed = Array.isArray(frame.game?.youMay) && (typedChoices(frame.game) || frame.game.youMay.length === 0);
        return [
          outcome ? h('p', { class: 'panel outcome', id: 'outcome' }, `Game over. ${outcome.summary ?? ''}`) : null,
          choices ? h('section', { class: 'panel your-move', 'aria-label': 'Your move' },
            h('h2', {}, 'Your move'), choices.map((c, i) => choiceForm(c, i, turn, ui))) : null,
          h('h2', {}, 'The table'),
          viewParts(frame.game, frame, ui),
          h('details', { class: 'view-json', open: !typed },
            h('summary', {}, 'The view as JSON'),
            h('pre', { class: 'code view', tabindex: '0', 'aria-label': 'Your view of the game, as JSON', 'data-scroll-key': 'view' }, text)),
          frame.me.spectator || ui.replay ? null : h('details', { class: 'action-json', open: !typed },
            h('summary', {}, 'Send an action as JSON'),
            h('form', { class: 'field', onsubmit: (e) => { e.preventDefault(); send(area, button); } },
              h('label', { for: 'generic-action' }, 'Action (JSON)'), area, button)),
        ];
      });
    };
    const turn = oneAction(ui, () => frame, (force) => draw(force));
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
