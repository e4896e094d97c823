// The voice room page (/voice.html?room=ID): create or enter a voice room, join and leave its mesh,
// mute, and see everyone in voice with who is speaking and the state of every link from both ends.
// Names only ever reach the page as text (h() and textContent), never as markup.
import { RoundtableClient, lobby } from '/roundtable/client.js';
import { VoiceMesh } from '/roundtable/voice.js';
import { identity, seats } from './identity.js';
import { h, fill } from './dom.js';
import { notices } from './errors.js';

const $ = (id) => document.getElementById(id);
const notice = notices($('notice'));
const STATE_WORDS = { new: 'not started', connecting: 'connecting', connected: 'connected', failed: 'failed' };
const PRESENCE_WORDS = { ONLINE: 'online', AWAY: 'away', OFFLINE: 'offline' };

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

  const client = new RoundtableClient({ room: page.room, token: seat.token });
  const mesh = new VoiceMesh(client);
  Object.assign(page, { client, mesh, member: seat.member, token: seat.token });

  client.addEventListener('frame', render);
  client.addEventListener('status', (e) => banner(e.detail));
  client.addEventListener('error', (e) => {
    const code = e.detail?.code ?? '';
    if (code === 'close/4401') {
      seats.forget(page.room);
      mesh.destroy();
      notice.error(e.detail);
      showEntry();
    } else if (code.startsWith('close/')) {
      notice.error(e.detail);
    }
    // Refused commands reach us through the mesh's own 'error' events, with context.
  });
  mesh.addEventListener('peers', render);
  mesh.addEventListener('state', render);
  mesh.addEventListener('error', (e) => notice.error(e.detail));
  client.connect();
}

$('voice-toggle').addEventListener('click', async () => {
  const { mesh } = page;
  $('voice-toggle').disabled = true;
  try {
    if (mesh.state === 'idle') await mesh.join();
    else await mesh.leave();
  } catch (error) {
    if (error?.name === 'NotAllowedError') notice.error({ message: 'The browser did not allow the microphone.' });
  } finally {
    render();
  }
});

$('mute').addEventListener('click', () => {
  page.mesh.setMuted(!page.mesh.muted);
  render();
});

function banner(status) {
  const el = $('banner');
  const text = status === 'reconnecting' ? 'Connection lost. Reconnecting…' : '';
  el.hidden = !text;
  el.textContent = text;
}

function render() {
  const { client, mesh } = page;
  const frame = client?.frame;
  if (!frame) return;
  const joined = mesh.state === 'joined';
  const voiceOn = frame.voice !== null && frame.voice !== undefined;
  const toggle = $('voice-toggle');
  toggle.textContent = mesh.state === 'idle' ? 'Join voice' : mesh.state === 'joining' ? 'Joining…' : 'Leave voice';
  toggle.disabled = !voiceOn || mesh.state === 'joining' || mesh.state === 'leaving';
  toggle.classList.toggle('danger', mesh.state !== 'idle');
  const mute = $('mute');
  mute.disabled = !joined;
  mute.setAttribute('aria-pressed', String(mesh.muted));
  mute.textContent = mesh.muted ? 'Unmute' : 'Mute';

  const peers = mesh.peers;
  const members = new Map(frame.room.members.map((m) => [m.id, m]));
  fill($('participants'), peers.map((p) => participant(p, members.get(p.member), joined)));
  $('nobody').hidden = peers.length > 0;
  fill($('matrix'), matrix(peers, frame.voice?.links ?? {}));
  const inVoice = new Set(peers.map((p) => p.member));
  const others = frame.room.members.filter((m) => !inVoice.has(m.id) && !m.bot);
  fill($('others'), others.length === 0 ? h('li', { class: 'muted' }, 'Nobody.') : others.map((m) =>
    h('li', {}, m.name, m.id === client.member ? ' (you)' : '', ' · ', PRESENCE_WORDS[m.presence] ?? '')));
  status(peers, joined, voiceOn);
}

function participant(p, member, joined) {
  const item = h('li', { class: 'voice-peer', dataset: { member: p.member, speaking: String(p.speaking) } },
    h('span', { class: 'voice-dot', 'aria-hidden': 'true', title: p.speaking ? 'speaking' : '' }),
    h('span', { class: 'voice-name' }, p.name, p.self ? ' (you)' : ''),
    p.speaking ? h('span', { class: 'sr-only' }, ', speaking') : null,
    p.muted ? h('span', { class: 'tag voice-muted' }, 'muted') : null,
    member ? h('span', { class: 'voice-presence', dataset: { presence: member.presence } },
      PRESENCE_WORDS[member.presence] ?? member.presence) : null);
  if (!p.self && joined) {
    item.append(h('span', { class: 'voice-links' },
      badge('mine', p.link, `your link to ${p.name}: `),
      badge('theirs', p.remote, `${p.name}'s link to you: `)));
  }
  return item;
}

function badge(side, state, label) {
  return h('span', { class: 'voice-link', dataset: { side, state: state ?? 'unknown' } },
    label, state ? STATE_WORDS[state] ?? state : 'not reported');
}

/** Rows: reporters; columns: peers. Everyone sees every pair, not only their own links. */
function matrix(peers, links) {
  if (peers.length < 2) return [];
  const head = h('tr', {}, h('td', {}, ''), peers.map((p) => h('th', { scope: 'col' }, p.name)));
  const rows = peers.map((from) => h('tr', {}, h('th', { scope: 'row' }, from.name), peers.map((to) => {
    if (to.member === from.member) return h('td', { class: 'voice-self' }, '—');
    const state = links[from.member]?.[to.member];
    return h('td', { dataset: { state: state ?? 'unknown' } }, state ? STATE_WORDS[state] ?? state : 'not reported');
  })));
  return [h('caption', { class: 'sr-only' }, 'Link states as each person reports them'), h('thead', {}, head), h('tbody', {}, rows)];
}

/** One short sentence for the polite live region; it is only rewritten when it says something new. */
function status(peers, joined, voiceOn) {
  let text;
  if (!voiceOn) text = 'This room has no voice.';
  else if (!joined) text = page.mesh.state === 'joining' ? 'Joining voice…' : 'You are not in voice.';
  else {
    const others = peers.filter((p) => !p.self);
    const down = others.filter((p) => p.link !== 'connected' || p.remote !== 'connected');
    if (others.length === 0) text = 'You are in voice. Nobody else is here yet.';
    else if (down.length === 0) text = `Connected to everyone in voice (${others.length}).`;
    else text = `Connected to ${others.length - down.length} of ${others.length}; not yet with ${down.map((p) => p.name).join(', ')}.`;
  }
  if ($('voice-status').textContent !== text) $('voice-status').textContent = text;
}

init();
