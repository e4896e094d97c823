// The create-room form of a game without its own: one field per property of the options' JSON Schema
// (GET /api/games `optionsSchema`), prefilled with the game's `defaultOptions` — a list for an enum, a
// checkbox for a boolean, a number box for a number, a group for a nested object, and a small JSON box
// for anything else. The server checks what is sent and answers with the game's own sentence.
import { h } from '../dom.js';

function label(key) {
  const text = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A field for one property; value() reads it back (or throws a sentence). */
function field(key, schema, value, id) {
  const path = id;
  if (schema?.type === 'object' && schema.properties) {
    const fields = Object.entries(schema.properties).map(([k, s]) => [k, field(k, s, value?.[k], `${path}-${k}`)]);
    return {
      element: h('fieldset', { class: 'field', 'data-option': key }, h('legend', {}, label(key)), fields.map(([, f]) => f.element)),
      value: () => Object.fromEntries(fields.map(([k, f]) => [k, f.value()]).filter(([, v]) => v !== undefined)),
    };
  }
  if (Array.isArray(schema?.enum)) {
    const select = h('select', { id: path },
      schema.enum.map((option) => h('option', { value: option, selected: option === value }, String(option))));
    return {
      element: h('div', { class: 'field', 'data-option': key }, h('label', { for: path }, label(key)), select),
      value: () => select.value,
    };
  }
  if (schema?.type === 'boolean') {
    const box = h('input', { type: 'checkbox', id: path, checked: value === true });
    return {
      element: h('div', { class: 'field check', 'data-option': key }, box, h('label', { for: path }, label(key))),
      value: () => box.checked,
    };
  }
  if (schema?.type === 'integer' || schema?.type === 'number') {
    const input = h('input', { type: 'number', id: path, step: schema.type === 'integer' ? 1 : 'any', value: value ?? '' });
    return {
      element: h('div', { class: 'field', 'data-option': key }, h('label', { for: path }, label(key)), input),
      value() {
        if (input.value === '') return undefined;
        const n = Number(input.value);
        if (Number.isNaN(n)) throw Object.assign(new Error(`${label(key)} is a number.`), { code: 'client/options' });
        return n;
      },
    };
  }
  if (schema?.type === 'string') {
    const input = h('input', { type: 'text', id: path, value: value ?? '' });
    return {
      element: h('div', { class: 'field', 'data-option': key }, h('label', { for: path }, label(key)), input),
      value: () => (input.value === '' ? undefined : input.value),
    };
  }
  const area = h('textarea', { id: path, rows: 2, class: 'code', spellcheck: 'false' });
  area.value = JSON.stringify(value ?? null);
  return {
    element: h('div', { class: 'field', 'data-option': key }, h('label', { for: path }, `${label(key)} (JSON)`), area),
    value() {
      try {
        return JSON.parse(area.value || 'null') ?? undefined;
      } catch (e) {
        throw Object.assign(new Error(`${label(key)} is not valid JSON: ${e.message}`), { code: 'client/options' });
      }
    },
  };
}

/** {element, options(), seats()} for the create-room form, from info.optionsSchema and info.defaultOptions. */
export function schemaForm(info, id) {
  const defaults = info.defaultOptions ?? {};
  const fields = Object.entries(info.optionsSchema.properties)
    .map(([key, schema]) => [key, field(key, schema, defaults[key], `${id}-${key}`)]);
  const options = () => Object.fromEntries(fields.map(([k, f]) => [k, f.value()]).filter(([, v]) => v !== undefined));
  return {
    element: h('fieldset', { class: 'options-form' }, h('legend', {}, 'Options'), fields.map(([, f]) => f.element)),
    options,
    seats() {
      try {
        const players = options().players;
        return Number.isInteger(players) ? players : info.maxPlayers;
      } catch {
        return info.maxPlayers; // the sentence comes when the form is sent
      }
    },
  };
}
