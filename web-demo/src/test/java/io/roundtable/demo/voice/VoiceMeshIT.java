package io.roundtable.demo.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real browsers talking over WebRTC through the packaged app, all inside a loopback-only network
 * namespace (no packet can leave the machine): MeshRun does the steps and writes what it saw; this
 * test starts it in the namespace and judges the record. Missing tools fail the test with the command
 * that installs them; it never skips.
 */
class VoiceMeshIT {
    static final Path OUT = Path.of("target", "voice-mesh");
    static final long BUDGET_SECONDS = 170;
    static JsonNode run;

    @BeforeAll
    static void run_the_scenario_in_a_loopback_only_namespace() throws Exception {
        VoiceBrowser.requireInstalled();
        LoopbackNamespace namespace = LoopbackNamespace.find();
        Path result = OUT.resolve("result.json");
        Files.createDirectories(OUT);
        Files.deleteIfExists(result);
        delete(VoiceBrowser.PROFILES); // left behind by a run that was killed
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath()));
        java.addAll(List.of(MeshRun.class.getName(), result.toString(), String.valueOf(BUDGET_SECONDS - 20)));
        File log = OUT.resolve("run.log").toFile();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(namespace.wrap(java)).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(BUDGET_SECONDS, TimeUnit.SECONDS)) {
            process.destroy(); // unshare passes SIGTERM on; when MeshRun ends, everything in its namespace ends
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            throw new AssertionError("The voice mesh scenario did not finish within " + BUDGET_SECONDS + " s; its steps are in "
                    + log + (Files.exists(result) ? " and what it saw in " + result : ""));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(result).as("MeshRun wrote no result (exit %d); see %s", process.exitValue(), log).exists();
        run = MeshScenario.JSON.readTree(result.toFile());
        assertThat(run.path("failure").asText(null)).as("MeshRun failed; what each page knew is in %s", result).isNull();
        assertThat(process.exitValue()).isZero();
        System.out.printf("Voice mesh (unshare %s; %d s in all, load average at the end %s)%n"
                + "  3 members: the third's join() to its links up %d ms; its click to all 6 links connected in the room %d ms;"
                + " first click to that %d ms; a rejoin healed in %d ms%n"
                + "  5 members: the fifth's join() to its links up %d ms; its click to all 20 links connected in the room %d ms;"
                + " first click to that %d ms%n", String.join(" ", namespace.flags), seconds, run.path("loadAverage").asText(),
                run.at("/three/newcomerMs").asLong(), run.at("/three/lastJoinMs").asLong(), run.at("/three/meshMs").asLong(),
                run.at("/three/rejoin/healMs").asLong(), run.at("/five/newcomerMs").asLong(),
                run.at("/five/lastJoinMs").asLong(), run.at("/five/meshMs").asLong());
    }

    @Test
    void the_scenario_ran_with_nothing_but_loopback() {
        assertThat(run.get("interfaces")).extracting(JsonNode::asText).containsExactly("lo");
    }

    @Test
    void three_members_joining_in_order_are_each_connected_to_both_others_and_hear_them() {
        assertWholeMesh(run.get("three"), 3);
    }

    @Test
    void a_member_who_leaves_and_rejoins_comes_back_last_calls_everyone_and_the_mesh_heals() {
        JsonNode three = run.get("three");
        JsonNode rejoin = three.get("rejoin");
        String member = rejoin.get("member").asText();
        assertThat(rejoin.get("participants")).extracting(JsonNode::asText).last().isEqualTo(member);
        assertWholeMesh(rejoin, 3);
    }

    @Test
    void a_muted_member_is_shown_muted_to_everyone_and_sends_no_sound_until_unmuted() {
        JsonNode mute = run.at("/three/mute");
        assertThat(mute.get("seenByAllMs").asLong()).isPositive();
        assertThat(mute.get("pressed").asText()).isEqualTo("true");
        assertThat(mute.get("trackEnabledWhileMuted").asBoolean()).isFalse();
        assertThat(mute.get("trackEnabledAfter").asBoolean()).isTrue();
    }

    @Test
    void when_both_ends_restart_ice_at_once_the_crossed_offers_are_settled_and_the_same_connection_recovers() {
        JsonNode restart = run.at("/three/restart");
        assertThat(restart.get("collisions").asInt()).as("offers that crossed").isPositive();
        assertThat(restart.get("sameConnections").asBoolean()).as("healed by ICE restart, not by a new connection").isTrue();
        assertWholeMesh(restart, 3);
    }

    @Test
    void everyone_sees_the_speaking_indicator_light_up_for_everyone_with_a_live_microphone() {
        JsonNode last = run.at("/three/rejoin");
        List<String> members = new ArrayList<>();
        last.get("participants").forEach(m -> members.add(m.asText()));
        for (String page : members) {
            for (String speaker : members) {
                assertThat(last.at("/speaking/" + page + "/" + speaker).asInt()).as("%s saw %s speaking", page, speaker)
                        .isPositive();
            }
        }
    }

    @Test
    void a_member_who_moves_to_the_room_page_leaves_voice_with_the_voice_page_and_joins_again_from_the_panel() {
        JsonNode moved = run.at("/three/roomPage");
        String member = moved.get("member").asText();
        assertThat(moved.get("leftWithThePage").asBoolean()).as("closing the voice page left voice").isTrue();
        assertThat(moved.get("participants")).extracting(JsonNode::asText).as("back in voice, last").hasSize(3).last()
                .isEqualTo(member);
        assertThat(moved.at("/ui/inSideColumn").asBoolean()).isTrue();
        List<String> participants = new ArrayList<>();
        moved.get("participants").forEach(m -> participants.add(m.asText()));
        assertThat(moved.at("/ui/listed")).extracting(JsonNode::asText).as("the panel lists them in join order")
                .containsExactlyElementsOf(participants);
        assertThat(moved.at("/ui/connectedBadges").asInt()).as("both ends of both links connected on the panel").isEqualTo(4);
        assertThat(moved.at("/ui/status").asText()).isEqualTo("Connected to everyone in voice (2).");
        moved.get("received").properties().forEach(peer -> assertThat(peer.getValue().get(1).asLong())
                .as("audio the room page received from %s, one second apart: %s", peer.getKey(), peer.getValue())
                .isGreaterThan(peer.getValue().get(0).asLong()));
        assertThat(moved.get("received").properties()).hasSize(2);
        JsonNode heard = moved.get("heardByObserver");
        assertThat(heard.get(1).asLong()).as("audio from the room page, heard on the voice page: %s", heard)
                .isGreaterThan(heard.get(0).asLong());
    }

    @Test
    void five_members_form_a_full_mesh_of_twenty_directed_links() {
        assertWholeMesh(run.get("five"), 5);
    }

    /** Every page connected to every other with audio arriving from each, and the room's matrix complete. */
    static void assertWholeMesh(JsonNode phase, int n) {
        List<String> members = new ArrayList<>();
        phase.get("participants").forEach(m -> members.add(m.asText()));
        assertThat(members).hasSize(n).doesNotHaveDuplicates();
        int links = 0;
        for (String me : members) {
            for (String peer : members) {
                if (me.equals(peer)) {
                    continue;
                }
                assertThat(phase.at("/local/" + me + "/" + peer).asText()).as("%s's link to %s in the browser", me, peer)
                        .isEqualTo("connected");
                assertThat(phase.at("/matrix/" + me + "/" + peer).asText()).as("%s's link to %s in the room state", me, peer)
                        .isEqualTo("connected");
                JsonNode bytes = phase.at("/audio/" + me + "/" + peer);
                assertThat(bytes.get(1).asLong()).as("audio bytes %s received from %s, one second apart: %s", me, peer, bytes)
                        .isGreaterThan(bytes.get(0).asLong()).isGreaterThan(0);
                assertThat(phase.at("/pairs/" + me + "/" + peer + "/local").asText()).as("candidate pair of %s to %s", me, peer)
                        .contains("127.0.0.1");
                links++;
            }
            assertThat(phase.at("/inbox/" + me + "/acked").asLong()).as("%s's inbox acknowledged", me)
                    .isEqualTo(phase.at("/inbox/" + me + "/head").asLong());
            assertThat(phase.at("/ui/" + me + "/listed")).extracting(JsonNode::asText).as("participants on %s's page", me)
                    .containsExactlyElementsOf(members);
            assertThat(phase.at("/ui/" + me + "/connectedBadges").asInt()).as("link badges (both ends) on %s's page", me)
                    .isEqualTo(2 * (n - 1));
        }
        assertThat(phase.get("matrix").properties()).hasSize(n);
        assertThat(links).isEqualTo(n * (n - 1));
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The test JVM's class path; failsafe may hide it behind a manifest-only jar, which java -cp also reads. */
    static String classpath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
    }
}
