package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Voice on the table page: a room with a voice mesh shows its members (seated or watching) the voice
 * panel beside the people; joining, muting and leaving reach the others through the server. These
 * browsers run outside a loopback-only namespace, so their peer connections may only relay through
 * TURN, which the test profile puts at 127.0.0.1 where nothing listens: they find no candidate and send
 * no media packet anywhere. Links stay short of connected, and the panel says so; VoiceMeshIT has the
 * media, inside such a namespace.
 */
@QuarkusTest
class VoiceTableTest extends BrowserTest {
    /** A fake microphone (a beep), granted without asking; no multicast DNS names for host candidates. */
    static final String[] MICROPHONE = {"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns"};
    /** Every peer connection of the page relays only (iceTransportPolicy), so it gathers no host address. */
    static final String RELAY_ONLY = """
            (() => {
              const Native = window.RTCPeerConnection;
              const relay = (config) => ({ ...(config ?? {}), iceTransportPolicy: 'relay' });
              window.RTCPeerConnection = class extends Native {
                constructor(config) { super(relay(config)); }
                setConfiguration(config) { return super.setConfiguration(relay(config)); }
              };
            })();""";

    private final List<Page> microphones = new ArrayList<>();

    @AfterEach
    void closeMicrophoneBrowsers() {
        microphones.forEach(Page::close);
        microphones.clear();
    }

    @Test
    void an_avalon_room_created_with_voice_lets_a_player_and_a_spectator_talk_from_the_table_page() {
        Page ann = withMicrophone(MICROPHONE);
        String room = Demo.createRoom(ann, "Ann", 3, p -> p.click("#create-voice"));
        ann.await("the voice panel is on the table page", () -> visible(ann, "#voice-panel"));
        assertThat(ann.exists(".side #voice-panel")).as("in the side column, with the people").isTrue();
        assertThat(ann.text("#voice-status")).isEqualTo("You are not in voice.");
        assertThat(ann.enabled("#mute")).as("nothing to mute before joining").isFalse();

        Page bob = withMicrophone(MICROPHONE);
        Demo.joinFromLink(bob, "Bob", room, true);
        bob.await("a spectator member has the voice panel too", () -> visible(bob, "#voice-panel"));

        ann.click("#voice-toggle");
        ann.await("Ann is in voice", () -> ann.text("#voice-toggle").equals("Leave voice"));
        assertThat(ann.text("#voice-status")).isEqualTo("You are in voice. Nobody else is here yet.");
        bob.await("Bob's page lists Ann in voice", () -> bob.texts("#participants .voice-name").equals(List.of("Ann")));

        bob.click("#voice-toggle");
        ann.await("Ann's page lists both, in the order they joined",
                () -> ann.texts("#participants .voice-name").equals(List.of("Ann (you)", "Bob")));
        bob.await("Bob's page lists both", () -> bob.texts("#participants .voice-name").equals(List.of("Ann", "Bob (you)")));
        String bobId = bob.seat(room).get("member").asText();
        String annId = ann.seat(room).get("member").asText();
        ann.await("Bob's own report of his link to Ann reached Ann's page through the server",
                () -> !"unknown".equals(ann.attribute(peer(bobId) + " .voice-link[data-side='theirs']", "data-state")));
        assertThat(ann.text(peer(bobId) + " .voice-link[data-side='mine']")).startsWith("your link to Bob: ");
        assertThat(ann.text(peer(bobId) + " .voice-link[data-side='theirs']")).startsWith("Bob's link to you: ");
        bob.await("and the other way round",
                () -> !"unknown".equals(bob.attribute(peer(annId) + " .voice-link[data-side='theirs']", "data-state")));
        assertThat(ann.text("#voice-status")).as("no media can flow here, and the panel says with whom")
                .isEqualTo("Connected to 0 of 1; not yet with Bob.");
        assertThat(visible(ann, ".voice-matrix-box")).as("the link matrix, for two or more").isTrue();
        Demo.screenshot(ann, "voice-table.png");

        bob.click("#mute");
        ann.await("Ann sees Bob muted", () -> ann.exists(peer(bobId) + " .voice-muted"));
        assertThat(bob.attribute("#mute", "aria-pressed")).isEqualTo("true");
        assertThat(bob.text("#mute")).isEqualTo("Unmute");
        bob.click("#mute");
        ann.await("and unmuted", () -> !ann.exists(peer(bobId) + " .voice-muted"));

        ann.click("#voice-toggle");
        bob.await("Ann left voice", () -> bob.texts("#participants .voice-name").equals(List.of("Bob (you)")));
        assertThat(ann.text("#voice-toggle")).isEqualTo("Join voice");
    }

    @Test
    void a_room_without_voice_shows_no_voice_panel_and_neither_does_the_anonymous_view_of_one_with_voice() {
        Page ann = browser();
        Demo.createRoom(ann, "Ann", 4, p -> { });
        ann.awaitElement("#ready-toggle");
        assertThat(ann.json("window.__roundtable.client.frame.voice").isNull()).isTrue();
        assertThat(ann.exists("#voice-panel")).isFalse();

        String voiced = Demo.createRoom(ann, "Ann", 4, p -> p.click("#create-voice"));
        ann.await("the room with voice has the panel", () -> visible(ann, "#voice-panel"));
        Page walt = browser().go("#/watch/" + voiced);
        walt.await("the anonymous view shows the room", () -> walt.exists(".lobby-panel"));
        assertThat(walt.exists("#voice-panel")).as("a poller is no member and cannot be in voice").isFalse();
    }

    @Test
    void a_voice_room_has_voice_without_asking_and_a_table_that_says_it_is_for_talking() {
        Page ann = withMicrophone(MICROPHONE);
        Demo.createRoom(ann, "voice", "Ann", 0, p -> {
            p.await("the voice checkbox follows the game", () -> !p.enabled("#create-voice"));
            assertThat(p.js("return document.querySelector('#create-voice').checked")).isEqualTo(true);
            assertThat(p.text("#create-voice-hint")).isEqualTo("Every room of this kind has voice.");
        });
        ann.await("the table says what the room is for", () -> ann.text("#voice-room-title").equals("A room for talking"));
        assertThat(ann.exists(".generic-table")).as("no view as JSON").isFalse();
        assertThat(visible(ann, "#voice-panel")).isTrue();
        assertThat(ann.text("#voice-room-list")).isEqualTo("Nobody yet.");

        ann.click("#voice-toggle");
        ann.await("the table lists who is in voice", () -> ann.text("#voice-room-list").equals("Ann (you)"));
    }

    @Test
    void a_refused_microphone_is_explained_in_the_panel_and_leaves_you_out_of_voice() {
        Page ann = withMicrophone("--use-fake-device-for-media-stream", "--deny-permission-prompts");
        Demo.createRoom(ann, "Ann", 4, p -> p.click("#create-voice"));
        ann.await("the voice panel", () -> visible(ann, "#voice-panel"));
        ann.click("#voice-toggle");
        ann.await("the panel says the microphone was refused", () -> visible(ann, "#voice-microphone"));
        assertThat(ann.text("#voice-microphone")).startsWith("The browser did not allow the microphone, so you are not in voice.");
        assertThat(ann.attribute("#voice-microphone", "role")).isEqualTo("alert");
        ann.await("Join voice is offered again", () -> ann.enabled("#voice-toggle") && ann.text("#voice-toggle").equals("Join voice"));
        assertThat(ann.json("window.__roundtable.client.frame.voice.participants").size()).isZero();
    }

    private Page withMicrophone(String... switches) {
        Page page = Chromium.open(uri.toString(), 1280, 1000, switches);
        microphones.add(page);
        page.beforeEveryDocument(RELAY_ONLY);
        return page;
    }

    private static String peer(String member) {
        return "#participants .voice-peer[data-member='" + member + "']";
    }

    /** On the page and drawn (Page.exists is only in the DOM). */
    static boolean visible(Page page, String css) {
        return Boolean.TRUE.equals(page.js("const e = document.querySelector(arguments[0]); return !!e && e.offsetParent !== null;", css));
    }
}
