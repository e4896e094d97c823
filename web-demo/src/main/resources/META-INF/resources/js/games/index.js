// Game components by game id. The lobby, the room shell, chat and presence are the same for every
// game; a game adds only its own pieces:
//
//   optionsForm(info)  → {element, options(), seats()}   the create-room form (info: GET /api/games entry)
//   table(ui)          → {element, render(frame), destroy()}   what the room shows during play and after
//
// `ui` gives a table what it may do: ui.act(action) → Promise, ui.nameOf(seat), ui.memberAt(seat).
// In the replay viewer ui.replay is true: the same table shows an archived step and offers no moves.
// A game without a component of its own gets the generic one (the view as JSON, a JSON action box).
import { avalon } from './avalon.js';
import { generic } from './generic.js';
import { loveletter } from './loveletter.js';

const components = new Map();

export function registerGame(id, component) {
  components.set(id, component);
}

export function gameComponent(id) {
  const own = components.get(id);
  return own ? { ...generic, ...own } : generic;
}

/** A game's short name for headings: its title up to the first colon ("Avalon"), or its id. */
export function shortTitle(info, id) {
  return (info?.title ?? id ?? '').split(':')[0].trim() || id;
}

registerGame('avalon', avalon);
registerGame('loveletter', loveletter);
