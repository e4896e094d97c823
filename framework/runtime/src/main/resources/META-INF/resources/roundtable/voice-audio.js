// The audio side of a voice mesh (used by voice.js): playing the others' streams and telling who is
// speaking, from the loudness of each stream (WebAudio AnalyserNode).

const HOLD_MS = 350; // the indicator stays on briefly so it does not flicker between syllables

export class Speakers {
  /**
   * @param level RMS loudness (0–1) above which a stream counts as speech
   * @param onSpeaking (member, speaking) => void, on every change
   */
  constructor({ level, onSpeaking }) {
    this.level = level;
    this.onSpeaking = onSpeaking;
    this.meters = new Map(); // member → Meter
    this.players = new Map(); // member → HTMLAudioElement
    this.speaking = new Map(); // member → boolean
  }

  /** Creates (or resumes) the AudioContext; call it from a user gesture, where browsers allow audio to start. */
  start() {
    this.context ??= new AudioContext();
    this.context.resume?.().catch(() => {});
  }

  /** Watches the loudness of `stream`, and plays it when `play` (remote streams; never our own microphone). */
  watch(member, stream, { play = false } = {}) {
    if (play) {
      // Chrome feeds a remote stream to WebAudio only while a media element plays it too.
      let player = this.players.get(member);
      if (!player) {
        player = new Audio();
        player.autoplay = true;
        this.players.set(member, player);
      }
      player.srcObject = stream;
      player.play?.().catch(() => {});
    }
    this.meters.get(member)?.close();
    if (this.context) this.meters.set(member, new Meter(this.context, stream));
  }

  unwatch(member) {
    this.meters.get(member)?.close();
    this.meters.delete(member);
    const player = this.players.get(member);
    if (player) player.srcObject = null;
    this.players.delete(member);
    this.#set(member, false);
    this.speaking.delete(member);
  }

  isSpeaking(member) {
    return this.speaking.get(member) ?? false;
  }

  /** Samples every stream; `silenced(member)` forces "not speaking" (our own microphone while muted). */
  tick(now, silenced) {
    for (const [member, meter] of this.meters) {
      if (!silenced(member) && meter.level() > this.level) meter.until = now + HOLD_MS;
      this.#set(member, now < meter.until && !silenced(member));
    }
  }

  /** Stops watching everyone; the AudioContext stays for the next join. */
  clear() {
    for (const member of [...new Set([...this.meters.keys(), ...this.players.keys()])]) this.unwatch(member);
  }

  close() {
    this.clear();
    this.context?.close?.();
    this.context = null;
  }

  #set(member, speaking) {
    if (this.isSpeaking(member) === speaking) return;
    this.speaking.set(member, speaking);
    this.onSpeaking(member, speaking);
  }
}

/** Loudness of one stream: RMS of the waveform, 0 (silence) to 1. */
class Meter {
  constructor(context, stream) {
    this.source = context.createMediaStreamSource(stream);
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 4096; // ~85 ms at 48 kHz: read every 100 ms, short sounds are rarely missed
    this.samples = new Float32Array(this.analyser.fftSize);
    this.source.connect(this.analyser);
    this.until = 0;
  }

  level() {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    return Math.sqrt(sum / this.samples.length);
  }

  close() {
    this.source.disconnect();
  }
}
