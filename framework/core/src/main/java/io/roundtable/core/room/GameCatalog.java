package io.roundtable.core.room;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.roundtable.core.spi.GameRules;

/** The games a server offers, by id. */
public final class GameCatalog {
    private final Map<String, GameHost<?, ?, ?>> games = new LinkedHashMap<>();

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
        if (games.putIfAbsent(rules.id(), new GameHost<>(rules)) != null) {
            throw new IllegalArgumentException("two games share the id " + rules.id());
        }
        return this;
    }

    public Optional<GameHost<?, ?, ?>> find(String id) {
        return Optional.ofNullable(games.get(id));
    }

    public GameHost<?, ?, ?> get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no game " + id));
    }

    public Collection<GameHost<?, ?, ?>> all() {
        return games.values();
    }
}
