package io.roundtable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.view.Frames;

/** A seat patches its frame in place and ends with the very tree the copying {@link Frames#applyDelta} gives. */
class SeatTest {

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    /** Frames of one viewer, version after version: members come and go, the game starts, lists grow and shrink. */
    private static final List<String> FRAMES = List.of(
            "{\"room\":{\"id\":\"r\",\"phase\":\"LOBBY\",\"version\":3,\"members\":[{\"id\":\"a\",\"ready\":false}]},"
                    + "\"me\":{\"member\":\"a\"},\"channels\":[],\"game\":null}",
            "{\"room\":{\"id\":\"r\",\"phase\":\"LOBBY\",\"version\":4,\"members\":[{\"id\":\"a\",\"ready\":true},"
                    + "{\"id\":\"b\",\"ready\":false}]},\"me\":{\"member\":\"a\"},\"channels\":[],\"game\":null}",
            "{\"room\":{\"id\":\"r\",\"phase\":\"PLAY\",\"version\":5,\"members\":[{\"id\":\"a\",\"ready\":true},"
                    + "{\"id\":\"b\",\"ready\":true}]},\"me\":{\"member\":\"a\"},\"channels\":[{\"id\":\"evil\"}],"
                    + "\"game\":{\"you\":0,\"waitingFor\":[0,1],\"log\":[\"start\"],\"youMay\":[{\"action\":\"vote\"}]}}",
            "{\"room\":{\"id\":\"r\",\"phase\":\"PLAY\",\"version\":6,\"members\":[{\"id\":\"a\",\"ready\":true},"
                    + "{\"id\":\"b\",\"ready\":true}]},\"me\":{\"member\":\"a\"},\"channels\":[{\"id\":\"evil\"}],"
                    + "\"game\":{\"you\":0,\"waitingFor\":[1],\"log\":[\"start\",\"a voted\"],\"youMay\":[]}}",
            "{\"room\":{\"id\":\"r\",\"phase\":\"FINISHED\",\"version\":9,\"members\":[{\"id\":\"b\",\"ready\":true}],"
                    + "\"outcome\":{\"winner\":\"good\"}},\"me\":{\"member\":\"a\"},\"channels\":[],"
                    + "\"game\":{\"you\":0,\"waitingFor\":[],\"log\":[\"start\",\"a voted\",\"b voted\",\"good wins\"]}}");

    @Test
    void patching_in_place_gives_the_tree_apply_delta_copies_version_after_version() {
        JsonNode held = json(FRAMES.get(0));
        JsonNode copied = json(FRAMES.get(0));
        for (int i = 1; i < FRAMES.size(); i++) {
            JsonNode to = json(FRAMES.get(i));
            JsonNode ops = Frames.delta(json(FRAMES.get(i - 1)), to);
            long version = to.at("/room/version").asLong();
            copied = Frames.applyDelta(copied, ops, version);
            Seat.applyInPlace(held, ops, version);
            assertThat(held).isEqualTo(copied).isEqualTo(to);
        }
    }

    @Test
    void a_version_beyond_an_int_is_kept_as_a_long_as_apply_delta_keeps_it() {
        JsonNode held = json(FRAMES.get(0));
        JsonNode ops = Frames.delta(json(FRAMES.get(0)), json(FRAMES.get(1)));
        Seat.applyInPlace(held, ops, 5_000_000_000L);
        assertThat(held).isEqualTo(Frames.applyDelta(json(FRAMES.get(0)), ops, 5_000_000_000L));
        assertThat(held.at("/room/version").asLong()).isEqualTo(5_000_000_000L);
    }
}
