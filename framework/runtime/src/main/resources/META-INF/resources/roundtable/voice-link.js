// One end of one WebRTC connection in a Roundtable voice mesh (used by voice.js; not an API of its own).
//
// Negotiation follows the "perfect negotiation" pattern of the WebRTC spec: both ends run this same
// code, and when both send an offer at once the *impolite* end ignores the incoming offer while the
// *polite* end rolls its own back and answers. Which end is polite is fixed by the member ids (see
// voice.js), so both ends always agree without asking each other.
//
// Every signal carries `sid`, a random id of the sending connection, and `to`, the receiver's `sid`
// as the sender knows it. A reloaded page or a rejoin starts a new connection with a new `sid`, so
// late signals of an earlier connection can be told apart and dropped.

/** The link states the server accepts in a voice report. */
export const LINK_STATES = ['new', 'connecting', 'connected', 'failed'];

const CANDIDATE_BATCH_MS = 75; // ICE candidates go out together: one message per batch, not per candidate
const DISCONNECTED_GRACE_MS = 4000; // `disconnected` often heals by itself; restart ICE if it does not

export class PeerLink {
  /**
   * @param member the remote member id
   * @param polite whether this end yields when both ends offer at once
   * @param initiator whether this end opens the connection (the later arrival calls the earlier ones)
   * @param stream the local microphone stream
   * @param send (payload) => void, delivers a signal to the remote end
   * @param onState (state) => void, with a state of LINK_STATES
   * @param onStream (MediaStream) => void, the remote audio
   * @param onError (Error) => void
   */
  constructor({ member, polite, initiator, stream, iceServers, send, onState, onStream, onError }) {
    this.member = member;
    this.polite = polite;
    this.initiator = initiator;
    this.sid = randomId();
    this.remoteSid = null;
    this.state = 'new';
    this.createdAt = Date.now();
    this.restartedAt = 0;
    this.connectedAt = null; // when it first came up
    this.downSince = 0; // when it last stopped being connected
    this.closed = false;
    this.seen = false; // the mesh saw this member in a frame while the link existed
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.collisions = 0; // offers that crossed ours (settled by politeness)
    this.remoteCandidates = []; // held back until a remote description is set
    this.localCandidates = [];
    this.chain = Promise.resolve(); // incoming signals are handled one at a time, in order
    this.send = send;
    this.onState = onState;
    this.onError = onError;

    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc = pc;
    pc.onnegotiationneeded = () => this.#offer();
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || this.closed) return;
      this.localCandidates.push(candidate.toJSON());
      this.flushTimer ??= setTimeout(() => this.#flushCandidates(), CANDIDATE_BATCH_MS);
    };
    pc.onconnectionstatechange = () => this.#stateChanged();
    pc.oniceconnectionstatechange = () => this.#stateChanged();
    pc.onsignalingstatechange = () => this.#stateChanged();
    pc.ontrack = ({ track, streams }) => onStream(streams[0] ?? new MediaStream([track]));
    // The caller's first offer carries its track. The callee sends on the transceiver that offer
    // creates (see #sendOnOffered), so one offer and one answer set up both directions.
    this.stream = stream;
    this.sending = initiator;
    if (initiator) for (const track of stream.getAudioTracks()) pc.addTrack(track, stream);
  }

  /** Handles one signal from the remote end: {description?, candidates?}. */
  receive(signal) {
    this.chain = this.chain.then(() => this.#handle(signal)).catch((e) => this.#fail(e));
    return this.chain;
  }

  /** How long this link has been trying: since it was made, last went down, or last restarted ICE. */
  tryingFor(now = Date.now()) {
    return this.state === 'connected' ? 0 : now - Math.max(this.createdAt, this.restartedAt, this.downSince);
  }

  /** Asks for an ICE restart (new ufrag/password, new candidate pairs); negotiates through `negotiationneeded`. */
  restart() {
    if (this.closed || Date.now() - this.restartedAt < 3000) return;
    this.restartedAt = Date.now();
    this.pc.restartIce();
  }

  close() {
    this.closed = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.disconnectedTimer);
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = null;
    this.pc.onconnectionstatechange = this.pc.oniceconnectionstatechange = this.pc.onsignalingstatechange = null;
    this.pc.close();
  }

  /** Bytes and packets of this link's audio, and the candidate pair in use. */
  async stats() {
    const summary = { state: this.state, bytesReceived: 0, packetsReceived: 0, bytesSent: 0, packetsSent: 0, pair: null };
    if (this.closed) return summary;
    const report = await this.pc.getStats();
    const byId = new Map();
    report.forEach((s) => byId.set(s.id, s));
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        summary.bytesReceived += s.bytesReceived ?? 0;
        summary.packetsReceived += s.packetsReceived ?? 0;
      } else if (s.type === 'outbound-rtp' && s.kind === 'audio') {
        summary.bytesSent += s.bytesSent ?? 0;
        summary.packetsSent += s.packetsSent ?? 0;
      } else if (s.type === 'transport' && s.selectedCandidatePairId) {
        const pair = byId.get(s.selectedCandidatePairId);
        const local = pair && byId.get(pair.localCandidateId);
        const remote = pair && byId.get(pair.remoteCandidateId);
        summary.pair = pair && {
          local: local && `${local.candidateType} ${local.protocol} ${local.address ?? local.ip}:${local.port}`,
          remote: remote && `${remote.candidateType} ${remote.protocol} ${remote.address ?? remote.ip}:${remote.port}`,
          roundTripTime: pair.currentRoundTripTime ?? null,
        };
      }
    });
    return summary;
  }

  async #offer() {
    // Only the caller opens a connection; the callee offers only to renegotiate (an ICE restart).
    if (this.closed || (!this.initiator && !this.pc.remoteDescription)) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.#sendDescription();
    } catch (e) {
      this.#fail(e);
    } finally {
      this.makingOffer = false;
    }
  }

  async #handle({ description, candidates }) {
    if (this.closed) return;
    const pc = this.pc;
    if (description) {
      const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
      if (collision) this.collisions++;
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return; // our own offer wins; the polite end will answer it
      if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') return; // a late duplicate
      await pc.setRemoteDescription(description); // on the polite end this rolls back our own offer
      if (description.type === 'offer') {
        await this.#sendOnOffered();
        await pc.setLocalDescription();
        this.#sendDescription();
      }
      for (const held of this.remoteCandidates.splice(0)) await this.#addCandidate(held);
    }
    for (const candidate of candidates ?? []) {
      if (pc.remoteDescription) await this.#addCandidate(candidate);
      else this.remoteCandidates.push(candidate);
    }
  }

  /**
   * The callee, on the caller's first offer: puts the microphone on the transceiver the offer created
   * and makes it send, before the answer. The callee must not addTrack() ahead of the offer instead:
   * in Chromium (seen in 150), a transceiver made by addTrack() and then taken over by a remote offer
   * loses its audio source when that end later rolls back an offer of its own (the polite end when
   * both restart ICE at once). The send stream is rebuilt under the same SSRC and sends nothing,
   * while the connection reports `connected`.
   */
  async #sendOnOffered() {
    if (this.sending) return;
    this.sending = true;
    for (const track of this.stream.getAudioTracks()) {
      const offered = this.pc.getTransceivers().find((t) => t.direction !== 'stopped' && t.mid !== null
        && !t.sender.track && t.receiver.track.kind === track.kind);
      if (!offered) {
        this.pc.addTrack(track, this.stream); // an offer without room for it: negotiates again once stable
        continue;
      }
      offered.direction = 'sendrecv';
      offered.sender.setStreams(this.stream);
      await offered.sender.replaceTrack(track);
    }
  }

  async #addCandidate(candidate) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (e) {
      // Candidates of a superseded ICE generation, or of an offer we ignored, are expected to fail.
    }
  }

  #sendDescription() {
    if (this.closed) return;
    const { type, sdp } = this.pc.localDescription;
    clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.send({ description: { type, sdp }, candidates: this.localCandidates.splice(0) });
  }

  #flushCandidates() {
    this.flushTimer = null;
    if (this.closed || this.localCandidates.length === 0) return;
    this.send({ candidates: this.localCandidates.splice(0) });
  }

  #stateChanged() {
    if (this.closed) return;
    const pc = this.pc;
    const connection = pc.connectionState ?? pc.iceConnectionState;
    const ice = pc.iceConnectionState;
    let state;
    if (connection === 'failed' || ice === 'failed') state = 'failed';
    else if (connection === 'connected') state = 'connected';
    else if (connection === 'new' && !pc.localDescription && !pc.remoteDescription) state = 'new';
    else state = 'connecting'; // new with an offer out, connecting, checking, disconnected (retrying)

    if (state === 'failed') this.restart();
    if (connection === 'disconnected' || ice === 'disconnected') {
      this.disconnectedTimer ??= setTimeout(() => {
        this.disconnectedTimer = null;
        if (this.pc.iceConnectionState === 'disconnected' || this.pc.connectionState === 'disconnected') this.restart();
      }, DISCONNECTED_GRACE_MS);
    }
    if (state === 'connected') this.connectedAt ??= Date.now();
    if (this.state === 'connected' && state !== 'connected') this.downSince = Date.now();
    if (state !== this.state) {
      this.state = state;
      this.onState(state);
    }
  }

  #fail(e) {
    if (!this.closed) this.onError(e);
  }
}

function randomId() {
  return globalThis.crypto?.randomUUID?.() ?? `s${Date.now()}${Math.random().toString(36).slice(2)}`;
}
