// The voice room's table. There is no game here: the room is for talking, and talking happens in the
// room page's voice panel (js/voice-panel.js, beside the people), so the table says so and shows who is
// in voice now, which the anonymous view (#/watch, no panel) also reads. Options: the generic form.
// The runtime serves this file from the game's jar (META-INF/resources/games/voice/ui.js); GET /api/games names it.
import { h, fill } from '/js/dom.js';

const voiceRoom = {
  table() {
    const hint = h('p', { id: 'voice-room-hint' });
    const list = h('ul', { class: 'voice-table-list', id: 'voice-room-list' });
    const element = h('section', { class: 'panel voice-table', 'aria-labelledby': 'voice-room-title' },
      h('h2', { id: 'voice-room-title' }, 'A room for talking'),
      hint,
      h('h3', {}, 'In voice now'),
      list);
    return {
      element,
      render(frame) {
        const member = frame.me?.member;
        hint.textContent = member
          ? 'There is no game here. Press Join voice in the Voice panel, next to the people, to talk with the others.'
          : 'There is no game here. Join this room to talk with the others.';
        const names = new Map(frame.room.members.map((m) => [m.id, m.name]));
        const inVoice = frame.voice?.participants ?? [];
        fill(list, inVoice.length === 0 ? h('li', { class: 'muted' }, 'Nobody yet.') : inVoice.map((p) => h('li', {},
          names.get(p.member) ?? p.member, p.member === member ? ' (you)' : '', p.muted ? ' · muted' : '')));
      },
      destroy() {},
    };
  },
};

export default voiceRoom;
