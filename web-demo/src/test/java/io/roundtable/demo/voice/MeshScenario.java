package io.roundtable.demo.voice;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.demo.support.TestPlayer;

/**
 * One voice room and the browsers in it. Every step writes what it saw into {@code record} (times,
 * link states, getStats samples, the server's link matrix); VoiceMeshIT judges the record.
 */
final class MeshScenario {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    private final String base;
    private final List<VoiceBrowser> pages;
    private final ObjectNode record;

    MeshScenario(String base, List<VoiceBrowser> pages, ObjectNode record) {
        this.base = base;
        this.pages = List.copyOf(pages);
        this.record = record;
    }

    /** The first browser creates the room on the page; the others open its link and enter. */
    void enterRoom() {
        pages.get(0).enter(base, null);
        for (VoiceBrowser page : pages.subList(1, pages.size())) {
            page.enter(base, pages.get(0).room);
        }
        record.put("room", pages.get(0).room);
        record.set("members", JSON.valueToTree(pages.stream().map(p -> p.member).toList()));
    }

    /**
     * Each clicks "Join voice" once the one before is listed in voice. Records the time from the first
     * click, and from the last click, until the room's matrix shows every directed link connected (this
     * includes the browser automation's own latency and the link reports), and the last member's own
     * view: from its join() to its last link connected.
     */
    void joinInOrder() {
        long first = System.currentTimeMillis();
        long last = first;
        for (VoiceBrowser page : pages) {
            last = System.currentTimeMillis();
            page.toggleVoice();
            page.awaitFrame("return frame.voice.participants.some((p) => p.member === page.member);", WAIT);
        }
        long complete = pages.get(0).awaitFrame(everyLinkConnected(pages.size()), WAIT);
        record.put("meshMs", complete - first);
        record.put("lastJoinMs", complete - last);
        observe(record);
        record.put("newcomerMs", slowestLink(record, pages.get(pages.size() - 1)));
    }

    /** In the page's own clock: from its join() call to its last link connected. */
    private static long slowestLink(ObjectNode observed, VoiceBrowser page) {
        long slowest = 0;
        for (JsonNode at : observed.at("/timings/" + page.member + "/links")) {
            slowest = Math.max(slowest, at.asLong());
        }
        return slowest;
    }

    /** One member leaves voice and joins again; records how long until the matrix is whole again. */
    void leaveAndRejoin(int index) {
        VoiceBrowser page = pages.get(index);
        ObjectNode rejoin = record.putObject("rejoin");
        rejoin.put("member", page.member);
        page.toggleVoice();
        pages.get(0).awaitFrame("return frame.voice.participants.length === " + (pages.size() - 1)
                + " && !frame.voice.participants.some((p) => p.member === '" + page.member + "');", WAIT);
        page.awaitTrue("return window.voicePage.mesh.state === 'idle' && !document.getElementById('voice-toggle').disabled", WAIT);
        long clicked = System.currentTimeMillis();
        page.toggleVoice();
        long complete = pages.get(0).awaitFrame(everyLinkConnected(pages.size()), WAIT);
        rejoin.put("healMs", complete - clicked);
        observe(rejoin);
        rejoin.put("newcomerMs", slowestLink(rejoin, page));
    }

    /**
     * One member goes from the voice page to the demo's room page of the same room (which leaves voice as
     * the voice page goes) and joins voice from the room page's panel: it calls both others again, and
     * the panel shows every link connected from both ends, with audio flowing both ways.
     */
    void moveToRoomPage(int index, int observer) {
        VoiceBrowser page = pages.get(index);
        VoiceBrowser other = pages.get(observer);
        ObjectNode moved = record.putObject("roomPage");
        moved.put("member", page.member);
        page.openRoomPage(base);
        String gone = "return !frame.voice.participants.some((p) => p.member === '" + page.member + "');";
        boolean left;
        try {
            other.awaitFrame(gone, Duration.ofSeconds(10));
            left = true;
        } catch (IllegalStateException e) {
            left = false; // judged by VoiceMeshIT; joining again still works (the mesh leaves first)
        }
        moved.put("leftWithThePage", left);
        long clicked = System.currentTimeMillis();
        page.toggleVoice();
        long complete = other.awaitFrame(everyLinkConnected(pages.size()), WAIT);
        moved.put("healMs", complete - clicked);
        int others = pages.size() - 1;
        page.awaitTrue("const l = window.__roundtableVoice.links; return l.size === " + others
                + " && [...l.values()].every((x) => x.state === 'connected')"
                + " && document.querySelectorAll('#participants .voice-link[data-state=\"connected\"]').length === " + 2 * others, WAIT);
        String stats = "const done = arguments[arguments.length - 1]; window.__roundtableVoice.stats().then(done, (e) => done({error: String(e)}));";
        Map<?, ?> before = (Map<?, ?>) page.asyncScript(stats);
        Map<String, Map<String, Object>> heardBefore = other.stats();
        VoiceBrowser.sleep(1000);
        Map<?, ?> after = (Map<?, ?>) page.asyncScript(stats);
        ObjectNode received = moved.putObject("received");
        for (Object peer : after.keySet()) {
            received.set(String.valueOf(peer), JSON.valueToTree(List.of(
                    number(((Map<?, ?>) before.get(peer)).get("bytesReceived")), number(((Map<?, ?>) after.get(peer)).get("bytesReceived")))));
        }
        moved.set("heardByObserver", JSON.valueToTree(List.of(number(heardBefore.get(page.member).get("bytesReceived")),
                number(other.stats().get(page.member).get("bytesReceived")))));
        moved.set("ui", JSON.valueToTree(page.script("""
                return {
                  listed: [...document.querySelectorAll('#participants .voice-peer')].map((li) => li.dataset.member),
                  connectedBadges: document.querySelectorAll('#participants .voice-link[data-state="connected"]').length,
                  status: document.getElementById('voice-status').textContent,
                  inSideColumn: !!document.querySelector('.side #voice-panel'),
                };""")));
        moved.set("participants", JSON.valueToTree(view(other).at("/frame/voice/participants").findValuesAsText("member")));
    }

    /** A member mutes: the others' frames show it and the microphone track is off; unmuting undoes both. */
    void muteAndUnmute(int index) {
        VoiceBrowser page = pages.get(index);
        ObjectNode mute = record.putObject("mute");
        mute.put("member", page.member);
        String muted = "return frame.voice.participants.some((p) => p.member === '" + page.member + "' && p.muted);";
        long clicked = System.currentTimeMillis();
        page.click("mute");
        long seen = 0;
        for (VoiceBrowser other : pages) {
            seen = Math.max(seen, other.awaitFrame(muted, WAIT));
        }
        mute.put("seenByAllMs", seen - clicked);
        mute.put("trackEnabledWhileMuted", (Boolean) page.script(TRACK_ENABLED));
        mute.put("pressed", (String) page.script("return document.getElementById('mute').getAttribute('aria-pressed');"));
        page.click("mute");
        pages.get(0).awaitFrame("return !" + muted.substring("return ".length()), WAIT);
        mute.put("trackEnabledAfter", (Boolean) page.script(TRACK_ENABLED));
    }

    private static final String SID = "return window.voicePage.mesh.links.get(arguments[0]).sid;";
    private static final String TRACK_ENABLED = "return window.voicePage.mesh.stream.getAudioTracks()[0].enabled;";

    /**
     * Both ends of one link restart ICE at the same instant (a shared wall-clock time), so their offers
     * cross: perfect negotiation has the polite end roll back and answer. Records how long until both
     * ends are connected on new ICE credentials, and how many crossed offers each end saw.
     */
    void restartBothEnds(int a, int b) {
        VoiceBrowser first = pages.get(a);
        VoiceBrowser second = pages.get(b);
        ObjectNode restart = record.putObject("restart");
        restart.set("pair", JSON.valueToTree(List.of(first.member, second.member)));
        String ufrag = "const l = window.voicePage.mesh.links.get(arguments[0]);"
                + " return /a=ice-ufrag:(\\S+)/.exec(l.pc.remoteDescription.sdp)[1];";
        Object firstSid = first.script(SID, second.member);
        Object secondSid = second.script(SID, first.member);
        String firstBefore = (String) first.script(ufrag, second.member);
        String secondBefore = (String) second.script(ufrag, first.member);
        long at = System.currentTimeMillis() + 400;
        String schedule = "const l = window.voicePage.mesh.links.get(arguments[0]);"
                + " setTimeout(() => l.restart(), arguments[1] - Date.now());";
        first.script(schedule, second.member, at);
        second.script(schedule, first.member, at);
        String healed = "const l = window.voicePage.mesh.links.get(arguments[0]); return !!l && l.state === 'connected'"
                + " && l.pc.signalingState === 'stable' && /a=ice-ufrag:(\\S+)/.exec(l.pc.remoteDescription.sdp)[1] !== arguments[1];";
        first.awaitTrue(healed, WAIT, second.member, firstBefore);
        second.awaitTrue(healed, WAIT, first.member, secondBefore);
        restart.put("healedMs", System.currentTimeMillis() - at);
        String collisions = "return window.voicePage.mesh.links.get(arguments[0]).collisions;";
        restart.put("collisions", ((Number) first.script(collisions, second.member)).intValue()
                + ((Number) second.script(collisions, first.member)).intValue());
        restart.put("sameConnections", firstSid.equals(first.script(SID, second.member))
                && secondSid.equals(second.script(SID, first.member)));
        observe(restart);
    }

    /** Link states in every browser and on the server, audio bytes (received and sent) sampled twice, what the page shows. */
    private void observe(ObjectNode into) {
        int others = pages.size() - 1;
        for (VoiceBrowser page : pages) {
            page.awaitTrue("const l = window.voicePage.mesh.links; return l.size === " + others
                    + " && [...l.values()].every((x) => x.state === 'connected');", WAIT);
            page.awaitFrame("return frame.me.inbox.head > 0 && frame.me.inbox.acked === frame.me.inbox.head;", WAIT);
        }
        List<Map<String, Map<String, Object>>> before = new ArrayList<>();
        pages.forEach(p -> before.add(p.stats()));
        VoiceBrowser.sleep(1000);
        ObjectNode local = into.putObject("local");
        ObjectNode audio = into.putObject("audio");
        ObjectNode sent = into.putObject("sent"); // the other way round: a sender can stall while its link is "connected"
        ObjectNode pairs = into.putObject("pairs");
        ObjectNode shown = into.putObject("ui");
        ObjectNode timings = into.putObject("timings"); // ms after that page's click on "Join voice"
        for (int i = 0; i < pages.size(); i++) {
            VoiceBrowser page = pages.get(i);
            Map<String, Map<String, Object>> after = page.stats();
            ObjectNode states = local.putObject(page.member);
            ObjectNode bytes = audio.putObject(page.member);
            ObjectNode sending = sent.putObject(page.member);
            ObjectNode pair = pairs.putObject(page.member);
            for (Map.Entry<String, Map<String, Object>> peer : after.entrySet()) {
                Map<String, Object> earlier = before.get(i).getOrDefault(peer.getKey(), Map.of());
                states.put(peer.getKey(), String.valueOf(peer.getValue().get("state")));
                bytes.set(peer.getKey(), JSON.valueToTree(List.of(number(earlier.get("bytesReceived")),
                        number(peer.getValue().get("bytesReceived")))));
                sending.set(peer.getKey(), JSON.valueToTree(List.of(number(earlier.get("bytesSent")),
                        number(peer.getValue().get("bytesSent")))));
                pair.set(peer.getKey(), JSON.valueToTree(peer.getValue().get("pair")));
            }
            Map<?, ?> ui = (Map<?, ?>) page.script("""
                    return {
                      listed: [...document.querySelectorAll('#participants .voice-peer')].map((li) => li.dataset.member),
                      connectedBadges: document.querySelectorAll('#participants .voice-link[data-state="connected"]').length,
                      status: document.getElementById('voice-status').textContent,
                    };""");
            shown.set(page.member, JSON.valueToTree(ui));
            into.with("speaking").set(page.member, JSON.valueToTree(page.script("return window.heardSpeaking;")));
            into.with("inbox").set(page.member, JSON.valueToTree(page.script("return window.voicePage.client.frame.me.inbox;")));
            timings.set(page.member, JSON.valueToTree(page.script("""
                    const m = window.voicePage.mesh, t0 = m.timings.joinStartedAt;
                    const since = (at) => at === null ? null : at - t0;
                    return {joined: since(m.timings.joinedAt),
                      links: Object.fromEntries(Object.entries(m.linkTimings).map(([k, at]) => [k, since(at)]))};""")));
        }
        JsonNode view = view(pages.get(0));
        into.set("participants", JSON.valueToTree(view.at("/frame/voice/participants").findValuesAsText("member")));
        into.set("matrix", view.at("/frame/voice/links"));
    }

    /** The room state as the server has it: GET /api/rooms/{room}/view. */
    private JsonNode view(VoiceBrowser page) {
        HttpResponse<String> response = TestPlayer.send(base, "GET", "/api/rooms/" + page.room + "/view", null, page.token);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET /view answered " + response.statusCode() + ": " + response.body(), e);
        }
    }

    /** A frame predicate: n in voice, and each reports each other as connected. */
    static String everyLinkConnected(int n) {
        return """
                const v = frame.voice;
                if (!v || v.participants.length !== %d) return false;
                const ids = v.participants.map((p) => p.member);
                return ids.every((a) => ids.every((b) => a === b || (v.links[a] || {})[b] === 'connected'));
                """.formatted(n);
    }

    /** What each page knew when something went wrong: its mesh, its frame's voice, its console. */
    static Map<String, Object> diagnostics(List<VoiceBrowser> pages) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (VoiceBrowser page : pages) {
            Map<String, Object> one = new LinkedHashMap<>();
            try {
                one.put("mesh", page.script("""
                        const p = window.voicePage;
                        if (!p || !p.mesh) return null;
                        return {state: p.mesh.state, member: p.member, voice: p.client.frame && p.client.frame.voice,
                          links: Object.fromEntries([...p.mesh.links].map(([m, l]) => [m, {state: l.state, initiator: l.initiator,
                            polite: l.polite, signaling: l.pc.signalingState, ice: l.pc.iceConnectionState,
                            connection: l.pc.connectionState}]))};"""));
            } catch (RuntimeException e) {
                one.put("mesh", "unavailable: " + e.getMessage());
            }
            List<String> console = page.console();
            one.put("console", console.subList(Math.max(0, console.size() - 40), console.size()));
            all.put(page.name, one);
        }
        return all;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
