// The voice panel: join and leave a room's voice mesh, mute, and see who is in voice, who is speaking
// and the state of every link from both ends. The room page shows it beside the people of any room whose
// frame carries `voice`; the standalone voice page (voice.html) is built around it. The mesh itself is
// /roundtable/voice.js (VoiceMesh). Names only ever reach the page as text (h() and textContent).
import { VoiceMesh } from '/roundtable/voice.js';
import { h, fill } from './dom.js';

const STATE_WORDS = { new: 'not started', connecting: 'connecting', connected: 'connected', failed: 'failed' };
export const PRESENCE_WORDS = { ONLINE: 'online', AWAY: 'away', OFFLINE: 'offline' };

/** getUserMedia's refusals, as what to do about them. */
const MICROPHONE_SENTENCES = {
  NotAllowedError: 'The browser did not allow the microphone, so you are not in voice. Allow it for this site '
    + '(the microphone or lock icon next to the address) and press Join voice again.',
  SecurityError: 'The browser did not allow the microphone, so you are not in voice. Allow it for this site '
    + '(the microphone or lock icon next to the address) and press Join voice again.',
  NotFoundError: 'No microphone was found, so you are not in voice. Connect one and press Join voice again.',
  OverconstrainedError: 'No microphone was found, so you are not in voice. Connect one and press Join voice again.',
  NotReadableError: 'The microphone could not be opened (another program may be using it), so you are not in voice.',
  AbortError: 'The microphone could not be opened, so you are not in voice. Press Join voice to try again.',
};
const INSECURE = 'This page cannot use a microphone: browsers allow it only on https:// pages (or on localhost).';

/** The sentence for a failed join that came from the microphone, or null when the cause was something else. */
export function microphoneSentence(error) {
  return error instanceof DOMException ? MICROPHONE_SENTENCES[error.name] ?? null : null;
}

/**
 * A member's voice panel on `client` (a RoundtableClient): `{element, mesh, render(), destroy()}`.
 * `notice` shows errors that are not the microphone's; `matrixOpen` opens the link matrix at first.
 * destroy() stops the mesh and, if this page was in voice, leaves it; closing the client does the same.
 */
export function voicePanel(client, { notice, matrixOpen = false } = {}) {
  const mesh = new VoiceMesh(client);
  window.__roundtableVoice = mesh; // for the console and the browser tests, like window.__roundtable
  let destroyed = false;

  const toggle = h('button', { type: 'button', id: 'voice-toggle', class: 'primary', disabled: true, onclick: toggleVoice },
    'Join voice');
  const mute = h('button', { type: 'button', id: 'mute', 'aria-pressed': 'false', disabled: true, onclick: toggleMute },
    'Mute');
  const status = h('p', { id: 'voice-status', class: 'voice-status', role: 'status', 'aria-live': 'polite' });
  const microphone = h('p', { id: 'voice-microphone', class: 'voice-microphone', role: 'alert', hidden: true });
  const participants = h('ol', { id: 'participants', class: 'voice-participants', 'aria-labelledby': 'voice-in-title' });
  const nobody = h('p', { id: 'nobody', class: 'muted', hidden: true }, 'Nobody is in voice yet.');
  const matrix = h('table', { id: 'matrix', class: 'voice-matrix' });
  const matrixBox = h('details', { class: 'voice-matrix-box', open: matrixOpen, hidden: true },
    h('summary', {}, 'Link matrix'),
    h('p', { class: 'hint' }, "Each row is what that person's browser reports about its link to each column."),
    h('div', { class: 'voice-matrix-wrap' }, matrix));
  const element = h('section', { class: 'panel voice-panel', id: 'voice-panel', 'aria-labelledby': 'voice-title' },
    h('h2', { id: 'voice-title' }, 'Voice'),
    h('div', { class: 'voice-controls' }, toggle, mute),
    status, microphone,
    h('h3', { id: 'voice-in-title' }, 'In voice'),
    h('p', { class: 'hint' }, 'In the order they joined. Each link is shown from both ends: what your browser sees, '
      + 'and what theirs reports.'),
    participants, nobody, matrixBox);

  async function toggleVoice() {
    if (mesh.state === 'idle' && !navigator.mediaDevices?.getUserMedia) {
      refused(INSECURE);
      return;
    }
    toggle.disabled = true;
    refused(null);
    try {
      if (mesh.state === 'idle') await mesh.join();
      else await mesh.leave();
    } catch (error) {
      refused(microphoneSentence(error));
    } finally {
      render();
    }
  }

  function toggleMute() {
    mesh.setMuted(!mesh.muted);
    render();
  }

  function refused(sentence) {
    microphone.hidden = !sentence;
    microphone.textContent = sentence ?? '';
  }

  function render() {
    const frame = client.frame;
    if (!frame || destroyed) return;
    const joined = mesh.state === 'joined';
    const voiceOn = frame.voice !== null && frame.voice !== undefined;
    toggle.textContent = mesh.state === 'idle' ? 'Join voice' : mesh.state === 'joining' ? 'Joining…' : 'Leave voice';
    toggle.disabled = !voiceOn || mesh.state === 'joining' || mesh.state === 'leaving' || client.status === 'closed';
    toggle.classList.toggle('danger', mesh.state !== 'idle');
    mute.disabled = !joined;
    mute.setAttribute('aria-pressed', String(mesh.muted));
    mute.textContent = mesh.muted ? 'Unmute' : 'Mute';

    const peers = mesh.peers;
    const members = new Map(frame.room.members.map((m) => [m.id, m]));
    fill(participants, peers.map((p) => participant(p, members.get(p.member), joined)));
    nobody.hidden = peers.length > 0;
    fill(matrix, matrixRows(peers, frame.voice?.links ?? {}));
    matrixBox.hidden = peers.length < 2;
    say(statusText(peers, joined, voiceOn));
  }

  /** The polite live region is only rewritten when it says something new. */
  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function statusText(peers, joined, voiceOn) {
    if (!voiceOn) return 'This room has no voice.';
    if (!joined) return mesh.state === 'joining' ? 'Joining voice…' : 'You are not in voice.';
    const others = peers.filter((p) => !p.self);
    const down = others.filter((p) => p.link !== 'connected' || p.remote !== 'connected');
    if (others.length === 0) return 'You are in voice. Nobody else is here yet.';
    if (down.length === 0) return `Connected to everyone in voice (${others.length}).`;
    return `Connected to ${others.length - down.length} of ${others.length}; not yet with ${down.map((p) => p.name).join(', ')}.`;
  }

  function onError(event) {
    // A refused microphone is told in the panel itself, by toggleVoice.
    if (!microphoneSentence(event.detail)) notice?.error(event.detail);
  }

  function onStatus(event) {
    if (event.detail === 'closed') destroy();
  }

  /** A page closed while in voice leaves it, so that nobody waits for a link to it that will never come. */
  function onPageHide() {
    if (mesh.state !== 'idle') leaveNow();
  }

  function leaveNow() {
    fetch(`${client.base}/api/rooms/${encodeURIComponent(client.room)}/voice/leave`, {
      method: 'POST', headers: { Authorization: `Bearer ${client.token}` }, keepalive: true,
    }).catch(() => {});
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    const wasIn = mesh.state !== 'idle';
    client.removeEventListener('frame', render);
    client.removeEventListener('status', onStatus);
    window.removeEventListener('pagehide', onPageHide);
    mesh.destroy();
    if (wasIn) leaveNow();
    toggle.disabled = true;
    mute.disabled = true;
  }

  client.addEventListener('frame', render);
  client.addEventListener('status', onStatus);
  window.addEventListener('pagehide', onPageHide);
  mesh.addEventListener('peers', render);
  mesh.addEventListener('state', render);
  mesh.addEventListener('error', onError);
  render();
  return { element, mesh, render, destroy };
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
function matrixRows(peers, links) {
  if (peers.length < 2) return [];
  const head = h('tr', {}, h('td', {}, ''), peers.map((p) => h('th', { scope: 'col' }, p.name)));
  const rows = peers.map((from) => h('tr', {}, h('th', { scope: 'row' }, from.name), peers.map((to) => {
    if (to.member === from.member) return h('td', { class: 'voice-self' }, '—');
    const state = links[from.member]?.[to.member];
    return h('td', { dataset: { state: state ?? 'unknown' } }, state ? STATE_WORDS[state] ?? state : 'not reported');
  })));
  return [h('caption', { class: 'sr-only' }, 'Link states as each person reports them'), h('thead', {}, head), h('tbody', {}, rows)];
}
