package io.roundtable.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardOptions;
import io.roundtable.testkit.Table;

/** Tables of the sample game used across the room specifications. */
final class Tables {
    static final String[] NAMES = { "Ann", "Bob", "Cy", "Dee" };
    static final RoomSettings NO_COUNTDOWN = RoomSettings.defaults().withBarrierCountdown(Duration.ZERO);

    private Tables() {
    }

    /** A table of HighCard with {@code players} seated and ready and the game on; ids in seat order. */
    static Seated playing(int players, HighCardOptions options) {
        Table table = Table.of(new HighCard()).settings(NO_COUNTDOWN).options(options).seed(11).create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            ids.add(table.join(NAMES[i]));
        }
        table.ready(ids.toArray(String[]::new));
        if (table.phase() != Phase.PLAY) {
            throw new AssertionError("the game did not start: " + table.phase());
        }
        return new Seated(table, ids);
    }

    static Seated playing(int players) {
        return playing(players, HighCardOptions.defaults());
    }

    /** A table and its seated members' ids, in seat order. */
    record Seated(Table table, List<String> ids) {
        String seat(int seat) {
            return ids.get(seat);
        }

        String[] all() {
            return ids.toArray(String[]::new);
        }
    }

    static JsonNode keep() {
        return Json.tree(HighCardAction.keep());
    }

    static JsonNode swap() {
        return Json.tree(HighCardAction.swap());
    }

    static JsonNode bet(String call) {
        return Json.tree(HighCardAction.bet(call));
    }
}
