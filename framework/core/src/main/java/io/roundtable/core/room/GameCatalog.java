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
