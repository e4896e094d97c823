// The demo's router: #/ is the lobby, #/room/<id> a room you sit in (or join), #/watch/<id> a room
// watched anonymously. Each view is mounted into <main> and destroyed when the address changes.
import { mountLobby } from './lobby.js';
import { mountRoom, mountWatch } from './room.js';
import { notices } from './errors.js';

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

window.addEventListener('hashchange', route);
route();
