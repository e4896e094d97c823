package io.roundtable.runtime.games;

import java.util.ServiceLoader;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.core.spi.GameRules;
import io.roundtable.runtime.config.RoundtableConfig;

/**
 * The games on this server and the room engine that runs them. Games are plain Java modules that
 * list their rules in {@code META-INF/services/io.roundtable.core.spi.GameRules}; putting a game's jar
 * on the classpath is all it takes to offer it.
 */
public class Engine {
    private static final Logger LOG = Logger.getLogger(Engine.class);

    @Produces
    @Singleton
    GameCatalog catalog() {
        GameCatalog catalog = new GameCatalog(new LastStateMemo());
        for (GameRules<?, ?, ?> rules : ServiceLoader.load(GameRules.class, Thread.currentThread().getContextClassLoader())) {
            catalog.add(rules);
        }
        LOG.infof("Roundtable games: %s", catalog.all().stream().map(g -> g.id()).toList());
        return catalog;
    }

    @Produces
    @Singleton
    RoomEngine engine(GameCatalog catalog, RoundtableConfig config) {
        return new RoomEngine(catalog, settings(config));
    }

    /** The room engine's settings, as configured under {@code roundtable.*}. */
    public static RoomSettings settings(RoundtableConfig config) {
        RoundtableConfig.Rooms rooms = config.rooms();
        RoundtableConfig.Presence presence = config.presence();
        return new RoomSettings(
                new RoomSettings.Timings(rooms.barrierCountdown(), presence.awayAfter(), presence.offlineAfter(),
                        presence.gracePeriod(), rooms.idleAfter(), config.bots().moveDelay()),
                new RoomSettings.Limits(rooms.maxMessageLength(), rooms.maxNameLength(),
                        config.voice().maxSignalLength(), rooms.recentReplies(), rooms.receiptsPerSender(),
                        rooms.maxBotMoves(), config.voice().maxParticipants()));
    }
}
