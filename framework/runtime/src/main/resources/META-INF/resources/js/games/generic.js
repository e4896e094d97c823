// The fallback for any game without its own component: options as JSON (prefilled with the game's
// defaultOptions), the viewer's game view as JSON, and a JSON box to send an action.
import { h, rerender } from '../dom.js';

let ids = 0;

export const generic = {
  optionsForm(info) {
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
    let shown = null;
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
    return {
      element,
      render(frame) {
        const text = JSON.stringify(frame.game, null, 2);
        if (text + frame.room.phase === shown) return;
        shown = text + frame.room.phase;
        rerender(element, () => {
          const area = h('textarea', { id: 'generic-action', rows: 3, class: 'code', spellcheck: 'false', 'data-key': 'action',
            oninput: () => { draft = area.value; } });
          area.value = draft;
          const button = h('button', { type: 'submit', 'data-key': 'send' }, 'Send action');
          const outcome = frame.room.outcome;
          return [
            outcome ? h('p', { class: 'panel outcome', id: 'outcome' }, `Game over. ${outcome.summary ?? ''}`) : null,
            h('h2', {}, 'Game view'),
            h('pre', { class: 'code view', tabindex: '0', 'aria-label': 'Your view of the game, as JSON', 'data-scroll-key': 'view' }, text),
            frame.me.spectator ? null : h('form', { class: 'field', onsubmit: (e) => { e.preventDefault(); send(area, button); } },
              h('label', { for: 'generic-action' }, 'Action (JSON)'), area, button),
          ];
        });
      },
      destroy() {},
    };
  },
};
