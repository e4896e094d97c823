// Sound cues: the game starts, it is your turn, a vote opens, the game ends. Short tones made with the
// Web Audio API (no files to fetch), behind a switch the browser remembers. Every cue the page decides
// on is listed in window.__roundtableCues ({cue, played}), so what a player would hear can be checked.
import { h } from './dom.js';
import { sound } from './identity.js';

/** Each cue as notes: [frequency in Hz, start in s, length in s]. */
const CUES = {
  start: [[392, 0, 0.15], [523, 0.15, 0.15], [659, 0.3, 0.3]],
  turn: [[660, 0, 0.12], [880, 0.14, 0.2]],
  vote: [[523, 0, 0.12], [523, 0.16, 0.12], [784, 0.32, 0.22]],
  end: [[659, 0, 0.2], [523, 0.22, 0.2], [392, 0.44, 0.4]],
};

let context = null;

function audio() {
  const Context = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!Context) return null;
  context ??= new Context();
  if (context.state === 'suspended') context.resume().catch(() => {});
  return context;
}

// Browsers start audio only after a gesture: the first click or key on the page opens it.
for (const type of ['pointerdown', 'keydown']) {
  addEventListener(type, () => { if (sound.on) audio(); }, { once: true, capture: true });
}

function play(cue) {
  const ctx = audio();
  if (!ctx) return false;
  const at = ctx.currentTime + 0.02;
  for (const [frequency, start, length] of CUES[cue]) {
    const tone = ctx.createOscillator();
    const level = ctx.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    level.gain.setValueAtTime(0.0001, at + start);
    level.gain.exponentialRampToValueAtTime(0.15, at + start + 0.02);
    level.gain.exponentialRampToValueAtTime(0.0001, at + start + length);
    tone.connect(level).connect(ctx.destination);
    tone.start(at + start);
    tone.stop(at + start + length + 0.05);
  }
  return true;
}

/** What of a frame the cues depend on, copied (a client patches its frame in place). */
export function moment(frame) {
  const offer = Array.isArray(frame.game?.youMay) ? frame.game.youMay : [];
  return { phase: frame.room.phase, offered: offer.length > 0, game: JSON.stringify(frame.game ?? null),
    vote: offer.some((choice) => choice.action === 'vote') };
}

/**
 * The cue going from moment {@code before} to {@code after} calls for (null: none). {@code moved}: this
 * page sent a move since {@code before} (the others may answer it in the same change, so your next turn
 * can come without a moment in between where you were offered nothing).
 */
export function cueFor(before, after, watching, moved = false) {
  if (!before) return null;
  if (before.phase !== 'PLAY' && after.phase === 'PLAY') return 'start';
  if (before.phase !== 'FINISHED' && after.phase === 'FINISHED') return 'end';
  if (watching || after.phase !== 'PLAY' || !after.offered) return null;
  const yourTurn = !before.offered || (moved && after.game !== before.game);
  return !yourTurn ? null : after.vote ? 'vote' : 'turn';
}

/** The room's cues and its sound switch (a button for the room's tools). */
export function soundCues() {
  const cues = (window.__roundtableCues ??= []);
  let last = null;
  let moved = false;
  const button = h('button', { type: 'button', id: 'sound-toggle', 'aria-pressed': String(sound.on), onclick: toggle });
  label();

  function label() {
    button.textContent = sound.on ? 'Sound on' : 'Sound off';
    button.setAttribute('aria-pressed', String(sound.on));
    button.title = sound.on ? 'Turn the sound cues off' : 'Turn the sound cues on (your turn, votes, start and end)';
  }

  function toggle() {
    sound.on = !sound.on;
    label();
  }

  return {
    button,
    cues,
    /** This page sent a move (until the game changes, the next offer is a new turn). */
    moving() {
      moved = true;
    },
    /** The move was refused: nothing changed. */
    refused() {
      moved = false;
    },
    /** A frame arrived: play the cue the change since the last one calls for, if sound is on. */
    heard(frame, watching) {
      const now = moment(frame);
      const cue = cueFor(last, now, watching, moved);
      if (moved && now.game !== last?.game) moved = false;
      last = now;
      if (cue) cues.push({ cue, played: sound.on && play(cue) });
    },
  };
}
