package io.roundtable.core.room;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.roundtable.core.spi.GameRules;

/** The games a server offers, by id. */
public final class GameCatalog {
    private final Map<String, GameAdapter<?, ?, ?>> games = new LinkedHashMap<>();
    private final StateReader.Reading reading;

    /** A catalogue whose adapters read every state afresh. */
    public GameCatalog() {
        this(StateReader.Reading.PLAIN);
    }

    /** A catalogue whose adapters read states through {@code reading}. */
    public GameCatalog(StateReader.Reading reading) {
        this.reading = reading;
    }

    public static GameCatalog of(GameRules<?, ?, ?>... rules) {
        GameCatalog catalog = new GameCatalog();
        for (GameRules<?, ?, ?> rule : rules) {
            catalog.add(rule);
        }
        return catalog;
    }

    public GameCatalog add(GameRules<?, ?, ?> rules) {
        if (rules.id() == null || !rules.id().matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("a game id is 1 to 32 of a-z, 0-9 and _, starting with a letter"
                    + " (it is the namespace of the game's rejection codes): " + rules.id());
        }
        for (String pointer : rules.seatFields()) {
            if (pointer == null || !pointer.matches("(/[^/]+)+")) {
                throw new IllegalArgumentException("a seat field is a JSON Pointer to a part of the view, like /turn"
                        + " or /bid/seat: " + pointer + " (game " + rules.id() + ")");
            }
        }
        if (games.putIfAbsent(rules.id(), new GameAdapter<>(rules, reading)) != null) {
            throw new IllegalArgumentException("two games share the id " + rules.id());
        }
        return this;
    }

    public Optional<GameAdapter<?, ?, ?>> find(String id) {
        return Optional.ofNullable(games.get(id));
    }

    public GameAdapter<?, ?, ?> get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no game " + id));
    }

    /** The game room {@code room} plays. */
    public GameAdapter<?, ?, ?> playedIn(Room room) {
        return get(room.facts().game());
    }

    public Collection<GameAdapter<?, ?, ?>> all() {
        return games.values();
    }
}
