// Chat: the room, your alliance channels (when the frame lists one) and direct messages, with unread
// counts and the delivery state of the direct messages you sent. A message counts as read when its
// conversation was on screen; the inbox is acknowledged up to the last message read without a hole,
// so "read" on the sender's side means the recipient had it in front of them.
import { h, fill, rerender, time } from './dom.js';

export function createChat({ source, notice, onUnread = () => {} }) {
  const conversations = new Map();
  const seen = new Set();
  const machine = []; // inbox messages not meant for people (e.g. voice signalling): never shown, never unread
  let frame = null;
  let me = null;
  let active = 'room';
  let ackSent = 0;
  let ingested = false;
  let inView = false;

  const tabs = h('div', { class: 'chat-tabs', role: 'group', 'aria-label': 'Conversations' });
  const list = h('ol', { class: 'messages', id: 'chat-messages', role: 'log', 'aria-live': 'polite',
    'aria-relevant': 'additions', tabindex: '0', 'aria-label': 'Messages' });
  const picker = h('select', { id: 'dm-picker' });
  const input = h('input', { id: 'chat-input', type: 'text', maxlength: 1000, autocomplete: 'off' });
  const inputLabel = h('label', { for: 'chat-input' }, 'Message to the room');
  const send = h('button', { type: 'submit', id: 'chat-send' }, 'Send');
  const closedNote = h('p', { class: 'hint', id: 'chat-closed', hidden: true });
  const heading = h('h2', { id: 'chat-title' }, 'Chat');
  const element = h('section', { class: 'panel chat', 'aria-labelledby': 'chat-title' },
    heading, tabs,
    h('div', { class: 'dm-open' },
      h('label', { for: 'dm-picker' }, 'Direct message to'), picker,
      h('button', { type: 'button', id: 'dm-open', class: 'small', onclick: () => {
        const member = frame?.room.members.find((m) => m.id === picker.value);
        if (member) openDirect(member);
      } }, 'Open')),
    list,
    h('form', { class: 'composer', onsubmit: submit }, inputLabel, h('div', { class: 'composer-row' }, input, send)),
    closedNote);

  const observer = new IntersectionObserver((entries) => {
    inView = entries.some((e) => e.isIntersecting);
    readActive();
  });
  observer.observe(list);
  const onVisibility = () => readActive();
  document.addEventListener('visibilitychange', onVisibility);
  const onMessage = (event) => {
    if (me) ingest(event.detail, true);
  };
  source.addEventListener('message', onMessage);

  function keyOf(message) {
    const to = message.to ?? { kind: 'room' };
    if (to.kind === 'channel') return `channel:${to.channel}`;
    if (to.kind === 'direct') return `direct:${message.from === me ? to.member : message.from}`;
    return 'room';
  }

  function conversation(key, fallbackName) {
    if (!conversations.has(key)) {
      const [kind, id] = key.includes(':') ? key.split(/:(.*)/s) : ['room', null];
      conversations.set(key, { key, kind, id, fallbackName, messages: [] });
    }
    return conversations.get(key);
  }

  function label(c) {
    if (c.kind === 'room') return 'Room';
    if (c.kind === 'channel') return `Channel: ${c.id}`;
    return frame?.room.members.find((m) => m.id === c.id)?.name ?? c.fallbackName ?? c.id;
  }

  function ingest(message, live) {
    if (message.kind && message.kind !== 'chat' && message.kind !== 'notice') {
      machine.push(message);
      seen.add(message.seq);
      if (live) acknowledge();
      return;
    }
    const key = keyOf(message);
    const other = message.from === me ? null : message.fromName;
    const c = conversation(key, key.startsWith('direct:') ? other : null);
    if (c.messages.some((m) => m.seq === message.seq)) return;
    c.messages.push(message);
    if (message.from === me || message.seq <= (frame?.me.inbox?.acked ?? 0)) seen.add(message.seq);
    if (key === active) list.append(messageItem(message));
    if (live) {
      readActive();
      renderTabs();
    }
  }

  function messageItem(m) {
    if (m.kind === 'notice') {
      // The room speaking (a turn timer ran out): no sender, set apart from what people wrote.
      return h('li', { class: 'message notice', 'data-seq': m.seq, 'data-id': m.id },
        h('time', { datetime: m.at, class: 'muted' }, time(m.at)), ' ', h('span', { class: 'text' }, m.text));
    }
    const mine = m.from === me;
    const direct = m.to?.kind === 'direct';
    return h('li', { class: `message${mine ? ' mine' : ''}`, 'data-seq': m.seq, 'data-id': m.id },
      h('span', { class: 'from' }, mine ? 'You' : m.fromName), ' ',
      h('time', { datetime: m.at, class: 'muted' }, time(m.at)), ' ',
      h('span', { class: 'text' }, m.text),
      mine && direct ? h('span', { class: 'delivery', 'data-delivery': m.id }, deliveryOf(m.id)) : null);
  }

  function deliveryOf(id) {
    const receipt = frame?.me.sent?.find((r) => r.id === id);
    return receipt ? receipt.state : 'sent';
  }

  function readActive() {
    if (!inView || document.visibilityState !== 'visible') return;
    const c = conversations.get(active);
    let changed = false;
    for (const m of c?.messages ?? []) {
      if (!seen.has(m.seq)) {
        seen.add(m.seq);
        changed = true;
      }
    }
    if (changed) renderTabs();
    acknowledge();
  }

  function acknowledge() {
    const all = [...conversations.values()].flatMap((c) => c.messages).concat(machine).sort((a, b) => a.seq - b.seq);
    let upTo = ackSent;
    for (const m of all) {
      if (m.seq <= upTo) continue;
      if (!seen.has(m.seq)) break;
      upTo = m.seq;
    }
    if (upTo > ackSent && source.status === 'open') {
      ackSent = upTo;
      source.ack(upTo).catch(() => { ackSent = Math.min(ackSent, frame?.me.inbox?.acked ?? 0); });
    }
  }

  function unread(c) {
    return c.messages.filter((m) => !seen.has(m.seq)).length;
  }

  function renderTabs() {
    let total = 0;
    rerender(tabs, () => [...conversations.values()].map((c) => {
      const count = unread(c);
      total += count;
      const selected = c.key === active;
      return h('button', {
        type: 'button', 'aria-pressed': String(selected), 'aria-controls': 'chat-messages', 'data-key': `tab-${c.key}`,
        'data-conversation': c.key, class: selected ? 'tab selected' : 'tab', onclick: () => select(c.key),
      }, label(c), count ? h('span', { class: 'badge', 'aria-label': `${count} unread` }, String(count)) : null);
    }));
    heading.textContent = total ? `Chat (${total} unread)` : 'Chat';
    onUnread(total);
  }

  function select(key) {
    active = key;
    list.setAttribute('aria-live', 'off');
    fill(list, conversations.get(key).messages.map(messageItem));
    list.scrollTop = list.scrollHeight;
    setTimeout(() => list.setAttribute('aria-live', 'polite'), 0);
    renderComposer();
    renderTabs();
    readActive();
  }

  function target() {
    const c = conversations.get(active);
    if (c.kind === 'channel') return { kind: 'channel', channel: c.id };
    if (c.kind === 'direct') return { kind: 'direct', member: c.id };
    return { kind: 'room' };
  }

  function renderComposer() {
    const c = conversations.get(active);
    inputLabel.textContent = c.kind === 'room' ? 'Message to the room' : `Message to ${label(c)}`;
    const channelOpen = c.kind !== 'channel' || frame?.channels.some((ch) => ch.id === c.id && ch.canWrite);
    const recipientHere = c.kind !== 'direct' || frame?.room.members.some((m) => m.id === c.id);
    // A game may quiet spectators for a step (Avalon, while the Assassin names Merlin): say so before they type.
    const voiceAllowed = c.kind !== 'room' || !frame?.me.spectator || frame.room.spectatorsMayChat !== false;
    const open = channelOpen && recipientHere && voiceAllowed;
    input.disabled = !open;
    send.disabled = !open;
    closedNote.hidden = open;
    closedNote.textContent = open ? ''
      : !voiceAllowed ? 'Spectators cannot chat right now; the room chat opens again after this step.'
        : (c.kind === 'channel' ? 'This channel is closed.' : 'This member has left the room.');
  }

  function renderPicker() {
    const others = frame.room.members.filter((m) => m.id !== me && !m.bot);
    const value = picker.value;
    fill(picker, h('option', { value: '' }, others.length ? 'choose a member' : 'nobody else here yet'),
      others.map((m) => h('option', { value: m.id }, m.name)));
    picker.value = others.some((m) => m.id === value) ? value : '';
  }

  async function submit(event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    send.disabled = true;
    try {
      await source.say(text, target());
      input.value = '';
    } catch (error) {
      notice.error(error);
    } finally {
      renderComposer();
      input.focus();
    }
  }

  function openDirect(member) {
    conversation(`direct:${member.id}`, member.name);
    select(`direct:${member.id}`);
    input.focus();
  }

  return {
    element,
    openDirect,
    update(next) {
      frame = next;
      me = next.me.member;
      if (!ingested) {
        ingested = true;
        ackSent = next.me.inbox?.acked ?? 0;
        conversation('room');
        for (const m of source.inbox ?? []) ingest(m, false);
        select('room');
      }
      for (const ch of next.channels ?? []) conversation(`channel:${ch.id}`);
      for (const span of list.querySelectorAll('[data-delivery]')) span.textContent = deliveryOf(span.dataset.delivery);
      renderPicker();
      renderComposer();
      renderTabs();
    },
    destroy() {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      source.removeEventListener('message', onMessage);
    },
  };
}
