// The voice room page (/voice.html?room=ID): create or enter a voice room, then the voice panel
// (js/voice-panel.js, the same as on the room page: join, leave, mute, everyone in voice with who is
// speaking and every link from both ends, the link matrix) and who is in the room but not in voice.
// Names only ever reach the page as text (h() and textContent), never as markup.
import { RoundtableClient, lobby } from '/roundtable/client.js';
import { identity, seats } from './identity.js';
import { h, fill } from './dom.js';
import { notices } from './errors.js';
import { voicePanel, PRESENCE_WORDS } from './voice-panel.js';

const $ = (id) => document.getElementById(id);
const notice = notices($('notice'));

/** The page's live objects, for debugging from the console (and for the browser tests). */
const page = { room: new URLSearchParams(location.search).get('room'), client: null, mesh: null };
window.voicePage = page;

function init() {
  $('name').value = identity.name;
  const seat = page.room ? seats.get(page.room) : null;
  if (seat?.token && !seat.spectator) start(seat);
  else showEntry();
}

function showEntry() {
  $('room').hidden = true;
  $('entry').hidden = false;
  $('enter').textContent = page.room ? 'Enter the voice room' : 'Create a voice room';
  $('entry-title').textContent = page.room ? `Enter voice room ${page.room}` : 'Start a voice room';
}

$('entry-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = $('name').value.trim();
  if (!name) return;
  identity.name = name;
  $('enter').disabled = true;
  try {
    if (!page.room) {
      page.room = (await lobby.create({ game: 'voice' })).id;
      history.replaceState(null, '', `?room=${encodeURIComponent(page.room)}`);
    }
    const joined = await lobby.join(page.room, { name, client: identity.client });
    seats.put(page.room, { token: joined.token, member: joined.member, spectator: false, game: 'voice', name });
    start(seats.get(page.room));
  } catch (error) {
    notice.error(error);
  } finally {
    $('enter').disabled = false;
  }
});

function start(seat) {
  $('entry').hidden = true;
  $('room').hidden = false;
  $('title').textContent = `Voice room ${page.room}`;
  $('room-link').href = location.href;
  $('room-link').textContent = location.href;
  $('room-page-link').href = `/#/room/${encodeURIComponent(page.room)}`;

  const client = new RoundtableClient({ room: page.room, token: seat.token });
  const panel = voicePanel(client, { notice, matrixOpen: true });
  fill($('voice-slot'), panel.element);
  Object.assign(page, { client, mesh: panel.mesh, member: seat.member, token: seat.token });

  client.addEventListener('frame', others);
  client.addEventListener('status', (e) => banner(e.detail));
  client.addEventListener('error', (e) => {
    const code = e.detail?.code ?? '';
    if (code === 'close/4401') {
      seats.forget(page.room);
      panel.destroy();
      notice.error(e.detail);
      showEntry();
    } else if (code.startsWith('close/')) {
      notice.error(e.detail);
    }
    // Refused commands reach us through the mesh's own 'error' events, with context.
  });
  panel.mesh.addEventListener('peers', others);
  client.connect();
}

function banner(status) {
  const el = $('banner');
  const text = status === 'reconnecting' ? 'Connection lost. Reconnecting…' : '';
  el.hidden = !text;
  el.textContent = text;
}

/** The members who are not in voice (the panel lists those who are). */
function others() {
  const { client, mesh } = page;
  const frame = client?.frame;
  if (!frame) return;
  const inVoice = new Set(mesh.peers.map((p) => p.member));
  const rest = frame.room.members.filter((m) => !inVoice.has(m.id) && !m.bot);
  fill($('others'), rest.length === 0 ? h('li', { class: 'muted' }, 'Nobody.') : rest.map((m) =>
    h('li', {}, m.name, m.id === client.member ? ' (you)' : '', ' · ', PRESENCE_WORDS[m.presence] ?? '')));
}

init();
