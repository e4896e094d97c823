// Game components by game id. The lobby, the room shell, chat and presence are the same for every
// game; a game adds only its own pieces:
//
//   optionsForm(info)  → {element, options(), seats()}   the create-room form (info: GET /api/games entry)
//   table(ui)          → {element, render(frame), destroy()}   what the room shows during play and after
//
// `ui` gives a table what it may do: ui.act(action) → Promise, ui.nameOf(seat), ui.memberAt(seat).
// In the replay viewer ui.replay is true: the same table shows an archived step and offers no moves.
// A game brings its component in its own jar, as META-INF/resources/games/<id>/ui.js exporting it as
// default; GET /api/games names that file as the game's `ui`, and loadGameUis() imports it before the
// page shows anything. A game without one gets the generic component.
import { generic } from './generic.js';

const components = new Map();

export function registerGame(id, component) {
  components.set(id, component);
}

export function gameComponent(id) {
  const own = components.get(id);
  return own ? { ...generic, ...own } : generic;
}

/**
 * Imports the component of every game that names one (`ui` in GET /api/games). A component that fails
 * to load leaves its game on the generic one, and says so in the console.
 */
export async function loadGameUis(games) {
  await Promise.all(games.filter((g) => g.ui).map(async (g) => {
    try {
      registerGame(g.id, (await import(g.ui)).default);
    } catch (e) {
      console.warn(`The table of ${g.id} (${g.ui}) did not load; the generic one stands in.`, e);
    }
  }));
}

/** A game's short name for headings: its title up to the first colon ("Avalon"), or its id. */
export function shortTitle(info, id) {
  return (info?.title ?? id ?? '').split(':')[0].trim() || id;
}
