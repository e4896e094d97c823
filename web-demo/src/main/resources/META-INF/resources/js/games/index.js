// Game components by game id. The lobby, the room shell, chat and presence are the same for every
// game; a game adds only its own pieces:
//
//   optionsForm(info)  → {element, options(), seats()}   the create-room form (info: GET /api/games entry)
//   table(ui)          → {element, render(frame), destroy()}   what the room shows during play and after
//
// `ui` gives a table what it may do: ui.act(action) → Promise, ui.nameOf(seat), ui.memberAt(seat).
// A game without a component of its own gets the generic one (the view as JSON, a JSON action box).
import { avalon } from './avalon.js';
import { generic } from './generic.js';

const components = new Map();

export function registerGame(id, component) {
  components.set(id, component);
}

export function gameComponent(id) {
  const own = components.get(id);
  return own ? { ...generic, ...own } : generic;
}

registerGame('avalon', avalon);
