// Roundtable voice: a WebRTC audio mesh among the members of a room. Plain ES module, no build step.
//
//   import { RoundtableClient } from '/roundtable/client.js';
//   import { VoiceMesh } from '/roundtable/voice.js';
//   const client = new RoundtableClient({ room, token }).connect();
//   const mesh = new VoiceMesh(client);
//   mesh.addEventListener('peers', (e) => render(e.detail));   // everyone in voice, in join order
//   mesh.addEventListener('speaking', (e) => light(e.detail.member, e.detail.speaking));
//   mesh.addEventListener('error', (e) => show(e.detail));
//   await mesh.join();          // from a click: asks for the microphone, then joins the room's mesh
//   mesh.setMuted(true);
//   await mesh.leave();
//
// The server only relays: who is in voice (frame.voice.participants, in join order), signalling as
// direct messages of kind "signal" between two members in voice (they land in the recipient's inbox),
// and the link states each side reports (frame.voice.links). Audio goes straight between browsers.
//
// - One RTCPeerConnection per other participant. The newcomer calls everyone who was there before it
//   (earlier in the participant list); those wait for its offer. Nobody calls a later arrival.
// - Perfect negotiation (voice-link.js) settles the rare double offers (both ends restarting ICE):
//   the end with the smaller member id in plain string order (e.g. "m1" < "m2", "m10" < "m9") is polite.
// - ICE candidates trickle in batches; a `failed` link restarts ICE; a caller whose link is not up after
//   20 s starts that connection afresh.
// - Link states and mute go to the server in one debounced voice-report, so everyone sees the full
//   matrix: "online but not connected to X" is visible to all.
// - Signal messages are acknowledged (never beyond an unread chat message, which is the page's to ack).
//
// Beside this file: voice-link.js (one connection), voice-outbox.js (paced commands), voice-audio.js
// (playback and the speaking indicator). docs/voice.md tells the whole story.
import { PeerLink, LINK_STATES } from './voice-link.js';
import { Outbox } from './voice-outbox.js';
import { Speakers } from './voice-audio.js';

const CALLER_PATIENCE_MS = 20000; // a caller's link not up by then is started afresh
const CALLEE_PATIENCE_MS = 45000; // a callee gives up on a link that never came up (the caller retries)
const STRAY_LINK_MS = 10000; // a link to someone the frames never showed in voice is dropped after this

export { LINK_STATES };

export class VoiceMesh extends EventTarget {
  /**
   * @param client a RoundtableClient of a member (connected or connecting)
   * @param options.iceServers RTCIceServer[] to use instead of asking GET /api/rooms/{room}/ice
   * @param options.audio getUserMedia audio constraints
   * @param options.playback play the others' audio (an <audio> element per peer); default true
   * @param options.speakingLevel RMS level (0–1) above which someone counts as speaking
   * @param options.reportDelay ms to gather state changes into one voice-report
   * @param options.ackDelay ms to gather signal messages into one inbox acknowledgement
   * @param options.commandsPerSecond pace of this mesh's commands (the server allows 20/s per member)
   */
  constructor(client, options = {}) {
    super();
    this.client = client;
    this.options = {
      iceServers: null,
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      playback: true,
      speakingLevel: 0.02,
      reportDelay: 250,
      ackDelay: 300,
      commandsPerSecond: 12,
      ...options,
    };
    this.state = 'idle'; // idle | joining | joined | leaving
    this.muted = false;
    this.links = new Map(); // member → PeerLink
    this.speakers = new Speakers({
      level: this.options.speakingLevel,
      onSpeaking: (member, speaking) => {
        this.dispatchEvent(new CustomEvent('speaking', { detail: { member, speaking } }));
        this.#emitPeers();
      },
    });
    this.timings = { joinStartedAt: null, joinedAt: null };
    this.outbox = new Outbox(client, this.options.commandsPerSecond);
    this.staleUpTo = 0;
    this.held = [];
    this.lastView = '';
    this.listeners = {
      frame: () => this.#onFrame(),
      message: (e) => this.#onMessage(e.detail),
      status: (e) => e.detail === 'open' && this.outbox.pump(),
    };
    for (const [type, listener] of Object.entries(this.listeners)) client.addEventListener(type, listener);
    this.ticker = setInterval(() => this.#tick(), 100);
  }

  /** Everyone in voice, in join order: {member, name, self, muted, speaking, link, remote}. */
  get peers() {
    const voice = this.client.frame?.voice;
    if (!voice) return [];
    const me = this.client.member;
    const names = new Map((this.client.frame.room?.members ?? []).map((m) => [m.id, m.name]));
    return voice.participants.map(({ member, muted }) => ({
      member,
      name: names.get(member) ?? member,
      self: member === me,
      muted,
      speaking: this.speakers.isSpeaking(member),
      link: member === me ? null : this.state === 'joined' ? this.links.get(member)?.state ?? 'new' : null,
      remote: member === me ? null : voice.links?.[member]?.[me] ?? null,
    }));
  }

  /** Joins the room's voice mesh. Call it from a user gesture (it starts audio playback and asks for the microphone). */
  async join() {
    if (this.state === 'leaving') await this.leaving.catch(() => {});
    if (this.state !== 'idle') return this.joining;
    this.#setState('joining');
    this.joining = this.#join();
    return this.joining;
  }

  async #join() {
    this.timings = { joinStartedAt: Date.now(), joinedAt: null };
    try {
      this.speakers.start();
      await this.#firstFrame();
      const ice = this.options.iceServers ? null : this.#fetchIce();
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: this.options.audio, video: false });
      this.#applyMute();
      this.speakers.watch(this.client.member, this.stream);
      this.#useIce(this.options.iceServers ? { iceServers: this.options.iceServers } : (await ice) ?? { iceServers: [] });
      // Signals already in the inbox belong to an earlier session of ours.
      this.staleUpTo = Math.max(this.client.lastInboxSeq ?? 0, this.client.frame.me?.inbox?.head ?? 0);
      if (this.#ids().includes(this.client.member)) {
        // Still listed from an earlier page: leave first, so every peer drops the old connection to us.
        await this.outbox.command({ type: 'voice-leave' });
      }
      const { version } = await this.outbox.command({ type: 'voice-join' });
      this.joinedVersion = version;
      this.timings.joinedAt = Date.now();
      this.#setState('joined');
      for (const message of this.held.splice(0)) this.#onMessage(message);
      this.#onFrame();
    } catch (error) {
      this.#stop();
      this.#setState('idle');
      this.#error(error);
      throw error;
    }
  }

  /** Leaves the mesh: closes every connection and releases the microphone. */
  async leave() {
    if (this.state === 'joining') await this.joining.catch(() => {});
    if (this.state === 'leaving') return this.leaving;
    if (this.state === 'idle') return;
    this.#setState('leaving');
    this.#stop();
    this.leaving = this.outbox.command({ type: 'voice-leave' }).finally(() => this.#setState('idle'));
    return this.leaving;
  }

  setMuted(muted) {
    this.muted = Boolean(muted);
    this.#applyMute();
    this.#scheduleReport();
    this.#emitPeers(true);
  }

  /** getStats per peer: {member: {state, bytesReceived, packetsReceived, bytesSent, packetsSent, pair}}. */
  async stats() {
    const entries = await Promise.all([...this.links].map(async ([member, link]) => [member, await link.stats()]));
    return Object.fromEntries(entries);
  }

  /** When each link first came up (epoch ms), next to when join() started and finished. */
  get linkTimings() {
    return Object.fromEntries([...this.links].map(([member, link]) => [member, link.connectedAt]));
  }

  /** Stops everything and detaches from the client (the membership in voice stays until leave()). */
  destroy() {
    for (const [type, listener] of Object.entries(this.listeners)) this.client.removeEventListener(type, listener);
    clearInterval(this.ticker);
    this.#stop();
    this.speakers.close();
  }

  // ---- frames: who is in voice, whom to call, whom to drop -----------------------------------------

  #onFrame() {
    if (this.state === 'joined' && this.client.version >= this.joinedVersion) {
      const ids = this.#ids();
      const me = this.client.member;
      const mine = ids.indexOf(me);
      if (mine < 0) {
        this.#stop();
        this.#setState('idle');
        this.#error({ code: 'voice/removed', message: 'You are no longer in the voice mesh.' });
      } else {
        ids.forEach((id, i) => {
          const link = this.links.get(id);
          if (link) link.seen = true;
          else if (i < mine) this.#connect(id); // the newcomer calls those who came before it
        });
        for (const [id, link] of this.links) {
          if (!ids.includes(id) && (link.seen || Date.now() - link.createdAt > STRAY_LINK_MS)) this.#drop(id);
        }
        this.#scheduleReport();
      }
    }
    this.#emitPeers();
  }

  #ids() {
    return (this.client.frame?.voice?.participants ?? []).map((p) => p.member);
  }

  #connect(member, initiator = true) {
    const me = this.client.member;
    const link = new PeerLink({
      member,
      polite: me < member,
      initiator,
      stream: this.stream,
      iceServers: this.iceServers ?? [],
      send: (payload) => this.#signal(link, payload),
      onState: (state) => {
        this.dispatchEvent(new CustomEvent('link', { detail: { member, state } }));
        this.#scheduleReport();
        this.#emitPeers();
      },
      onStream: (stream) => this.speakers.watch(member, stream, { play: this.options.playback }),
      onError: (error) => this.#error(error),
    });
    link.seen = this.#ids().includes(member);
    this.links.set(member, link);
    this.#emitPeers();
    return link;
  }

  #drop(member, { bye = false } = {}) {
    const link = this.links.get(member);
    if (!link) return;
    if (bye) this.#signal(link, { bye: true });
    link.close();
    this.links.delete(member);
    this.speakers.unwatch(member);
    this.#scheduleReport();
    this.#emitPeers();
  }

  // ---- signalling through inboxes ----------------------------------------------------------------

  #signal(link, payload) {
    const text = JSON.stringify({ v: 1, sid: link.sid, to: link.remoteSid, ...payload });
    const record = { type: 'send', kind: 'signal', to: { kind: 'direct', member: link.member }, text };
    this.outbox
      .command(record, { obsolete: () => link.closed && !payload.bye, idempotent: true })
      .catch((error) => {
        // The peer may have left meanwhile; the frames will say so. Anything else is worth showing.
        if (!/^(message\/signal_not_in_voice|voice\/|client\/obsolete)/.test(error.code ?? '')) this.#error(error);
      });
  }

  #onMessage(message) {
    if (message.kind !== 'signal') return;
    this.#scheduleAck();
    // The server files a copy of every direct message in the sender's own inbox too.
    if (message.seq <= this.staleUpTo || message.from === this.client.member) return;
    if (this.state === 'joining') {
      this.held.push(message);
      return;
    }
    if (this.state !== 'joined') return;
    let signal;
    try {
      signal = JSON.parse(message.text);
    } catch {
      return;
    }
    if (signal?.v !== 1 || typeof signal.sid !== 'string') return;
    this.#receive(message.from, signal);
  }

  #receive(from, signal) {
    let link = this.links.get(from);
    if (link && signal.to && signal.to !== link.sid) return; // meant for an earlier connection of ours
    if (link && link.remoteSid && signal.sid !== link.remoteSid) {
      if (signal.description?.type !== 'offer') return; // left over from the peer's earlier connection
      this.#drop(from); // the peer started afresh (it rejoined, reloaded or gave up on the old one)
      link = null;
    }
    if (signal.bye) {
      if (link) {
        const caller = link.initiator;
        this.#drop(from);
        if (caller && this.#ids().includes(from)) this.#connect(from);
      }
      return;
    }
    if (!link) {
      if (signal.description?.type !== 'offer' || signal.to) return;
      link = this.#connect(from, false);
    }
    link.remoteSid ??= signal.sid;
    link.receive(signal);
  }

  #scheduleAck() {
    if (this.ackTimer) return;
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null;
      // Up to the last signal with nothing but signals since the last acknowledgement.
      let acked = Math.max(this.acked ?? 0, this.client.frame?.me?.inbox?.acked ?? 0);
      let upTo = null;
      for (const m of this.client.inbox) {
        if (m.seq <= acked) continue;
        if (m.kind !== 'signal') break;
        upTo = m.seq;
      }
      if (upTo === null) return;
      this.acked = upTo;
      this.outbox.command({ type: 'ack', upTo }).catch(() => {
        this.acked = acked;
      });
    }, this.options.ackDelay);
  }

  // ---- reports: mute and link states -----------------------------------------------------------

  #scheduleReport() {
    if (this.reportTimer || this.state !== 'joined') return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      this.#report();
    }, this.options.reportDelay);
  }

  #report() {
    const voice = this.client.frame?.voice;
    const me = this.client.member;
    if (this.state !== 'joined' || !voice || !this.#ids().includes(me)) return;
    const links = {};
    for (const id of this.#ids()) if (id !== me) links[id] = this.links.get(id)?.state ?? 'new';
    const known = voice.links?.[me] ?? {};
    const knownMuted = voice.participants.find((p) => p.member === me)?.muted ?? false;
    const changed = knownMuted !== this.muted || Object.entries(links).some(([id, s]) => known[id] !== s);
    const key = JSON.stringify([this.muted, links]);
    if (!changed || (key === this.lastReport && Date.now() - this.lastReportAt < 2000)) return;
    this.lastReport = key;
    this.lastReportAt = Date.now();
    this.outbox.command({ type: 'voice-report', muted: this.muted, links }).catch((error) => {
      this.lastReport = null;
      // voice/bad_report: someone left between our frame and the report; the next frame fixes it.
      if (error.code !== 'voice/bad_report' && !String(error.code).startsWith('client/')) this.#error(error);
    });
  }

  // ---- every 100 ms: loudness, watchdogs, fresh TURN credentials -------------------------------------

  #applyMute() {
    for (const track of this.stream?.getAudioTracks() ?? []) track.enabled = !this.muted;
  }

  #tick() {
    const now = Date.now();
    this.#refreshIce(now);
    this.speakers.tick(now, (member) => this.muted && member === this.client.member);
    for (const [member, link] of [...this.links]) {
      const since = link.tryingFor(now);
      if (link.initiator && since > CALLER_PATIENCE_MS) {
        this.#drop(member, { bye: true });
        if (this.#ids().includes(member)) this.#connect(member);
      } else if (!link.initiator && since > CALLEE_PATIENCE_MS) {
        this.#drop(member, { bye: true });
      }
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------------

  #stop() {
    for (const member of [...this.links.keys()]) this.#drop(member);
    this.speakers.clear();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.held = [];
    this.outbox.discard((record) => record.kind === 'signal' || record.type === 'voice-report');
    clearTimeout(this.reportTimer);
    this.reportTimer = null;
  }

  #firstFrame() {
    if (this.client.frame) return Promise.resolve();
    return new Promise((resolve) => this.client.addEventListener('frame', () => resolve(), { once: true }));
  }

  /** {iceServers, ttlSeconds} from the server, or null (host candidates still connect on one network). */
  async #fetchIce() {
    try {
      const response = await fetch(`${this.client.base}/api/rooms/${encodeURIComponent(this.client.room)}/ice`, {
        headers: { Authorization: `Bearer ${this.client.token}` },
      });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  }

  /**
   * TURN credentials expire (the TURN server checks them when a relay is allocated, so a running call
   * keeps its relay); fresh ones are fetched at half their lifetime, for new links and ICE restarts.
   */
  #useIce({ iceServers = [], ttlSeconds = 0 }) {
    this.iceServers = iceServers;
    this.iceRefreshAt = ttlSeconds > 0 ? Date.now() + ttlSeconds * 500 : null;
    for (const link of this.links.values()) {
      try {
        link.pc.setConfiguration({ ...link.pc.getConfiguration(), iceServers });
      } catch {
        // a closed connection; it is about to be dropped
      }
    }
  }

  #refreshIce(now) {
    if (this.state !== 'joined' || !this.iceRefreshAt || now < this.iceRefreshAt || this.options.iceServers) return;
    this.iceRefreshAt = now + 60000; // at most one attempt a minute
    this.#fetchIce().then((ice) => ice && this.state === 'joined' && this.#useIce(ice));
  }

  #setState(state) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
    this.#emitPeers(true);
  }

  #emitPeers(force = false) {
    const peers = this.peers;
    const view = JSON.stringify(peers);
    if (!force && view === this.lastView) return;
    this.lastView = view;
    this.dispatchEvent(new CustomEvent('peers', { detail: peers }));
  }

  #error(error) {
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }
}
