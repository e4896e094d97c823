// The demo's router: #/ is the lobby, #/room/<id> a room you sit in (or join), #/watch/<id> a room
// watched anonymously, #/history the finished matches, #/replay/<id> one of them step by step.
// Each view is mounted into <main> and destroyed when the address changes; history and replay keep
// their filters and step in a query after the path (#/replay/<id>?step=3&viewer=seat:2).
import { mountLobby } from './lobby.js';
import { mountRoom, mountWatch } from './room.js';
import { mountHistory } from './history.js';
import { mountReplay } from './replay.js';
import { notices } from './errors.js';
import { lobby } from '/roundtable/client.js';
import { loadGameUis } from './games/index.js';

const main = document.getElementById('main');
const context = {
  notice: notices(document.getElementById('notice')),
  banner: document.getElementById('banner'),
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
};

const ROUTES = [
  [/^#\/room\/([A-Za-z0-9_-]{1,64})$/, (m) => mountRoom(main, m[1], context)],
  [/^#\/watch\/([A-Za-z0-9_-]{1,64})$/, (m) => mountWatch(main, m[1], context)],
  [/^#\/history(?:\?(.*))?$/, (m) => mountHistory(main, context, new URLSearchParams(m[1] ?? ''))],
  [/^#\/replay\/([A-Za-z0-9_-]{1,64})(?:\?(.*))?$/, (m) => mountReplay(main, m[1], context, new URLSearchParams(m[2] ?? ''))],
];

let current = null;

function route() {
  current?.destroy();
  context.notice.clear();
  context.banner.hidden = true;
  main.replaceChildren();
  const hash = location.hash || '#/';
  for (const [pattern, mount] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      current = mount(match);
      main.focus({ preventScroll: true });
      return;
    }
  }
  current = mountLobby(main, context);
}

// Each game's own table comes from its jar; without the list (server unreachable) the generic one serves.
try {
  await loadGameUis(await lobby.games());
} catch (e) {
  console.warn('The list of games did not load; every game gets the generic table.', e);
}
window.addEventListener('hashchange', route);
route();
