package io.roundtable.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every limit and timing of the Roundtable runtime, under {@code roundtable.*}. */
@ConfigMapping(prefix = "roundtable")
public interface RoundtableConfig {

    Rooms rooms();

    Presence presence();

    Bots bots();

    Ws ws();

    Limits limits();

    Store store();

    Archive archive();

    /**
     * The settings of the embedded Redis and PostgreSQL of dev and test mode ({@code roundtable.dev-services.*},
     * docs/operations.md). The dev-services extension reads them when the app is built; they are listed here
     * so that the running app accepts them from any source, a {@code -D} option included.
     */
    Map<String, String> devServices();

    Voice voice();

    /**
     * Secret for signing seat tokens. When absent, the nodes share one generated at first start and
     * kept in the store ({@code RoomStore.sharedSecret}), so every node accepts every token and, with
     * Redis, tokens survive restarts.
     */
    Optional<String> tokenSecret();

    interface Rooms {
        /** How long everyone must stay ready before play starts. */
        @WithDefault("3s")
        Duration barrierCountdown();

        /** A room nobody (but bots) has been in for this long is removed. */
        @WithDefault("30m")
        Duration idleAfter();

        /** Characters in a chat message. */
        @WithDefault("1000")
        int maxMessageLength();

        /** Characters in a display name. */
        @WithDefault("32")
        int maxNameLength();

        /** Idempotency keys remembered per room. */
        @WithDefault("256")
        int recentReplies();

        /** Direct-message receipts (delivered, read) remembered per sender and room. */
        @WithDefault("50")
        int receiptsPerSender();

        /** Safety bound on the bot moves the engine plays in one step (a game whose bots never stop). */
        @WithDefault("10000")
        int maxBotMoves();

        /** How often each room is swept (presence, lost seats, barrier, turn timers, idle rooms). */
        @WithDefault("1s")
        Duration sweepInterval();

        /**
         * How often each node looks for due rooms (read by the sweeper's schedule; declared here so that
         * setting it, as docs/operations.md says, is not refused as an unknown key).
         */
        @WithDefault("1s")
        Duration sweepTick();

        /** Rooms one sweep run takes on at most. */
        @WithDefault("500")
        int sweepBatch();
    }

    interface Bots {
        /**
         * How long a bot takes over a move, as a person would; it moves at the first sweep of its room at or
         * after that (so up to {@code roundtable.rooms.sweep-tick} later). 0: bots move at once.
         */
        @WithDefault("1s")
        Duration moveDelay();
    }

    interface Presence {
        /** Silence after which a member shows as away. */
        @WithDefault("20s")
        Duration awayAfter();

        /** Silence after which a member shows as offline. */
        @WithDefault("45s")
        Duration offlineAfter();

        /** Silence after which the seat is lost and the game's seat-loss policy applies. */
        @WithDefault("90s")
        Duration gracePeriod();

        /**
         * A member whose last socket on a node closed (a closed tab) and who has not come back within this
         * time, on any node, shows offline at once: long enough for a page reload.
         */
        @WithDefault("4s")
        Duration closedAfter();

        /** A member's heartbeats are written to the store at most this often. */
        @WithDefault("5s")
        Duration heartbeatWriteEvery();
    }

    interface Ws {
        /**
         * Web origins allowed to open a WebSocket ({@code scheme://host:port}); {@code scheme://host:*}
         * allows any port of that host, {@code *} any origin.
         */
        @WithDefault("http://localhost:8080,http://127.0.0.1:8080")
        List<String> allowedOrigins();

        /**
         * Whether a page served by this server itself may connect, whatever its address and port (its
         * {@code Origin} names the {@code Host} it asked); on in dev mode.
         */
        @WithDefault("false")
        boolean allowSameOrigin();

        /** Whether a client that sends no Origin header (not a browser) may connect. */
        @WithDefault("true")
        boolean allowMissingOrigin();

        /** A socket with no message from its client for this long is closed (code 4408). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Frames per second one socket may send (a short burst of twice that is tolerated). */
        @WithDefault("20")
        int framesPerSecond();

        /** Rejected frames in a row after which a flooding socket is closed (code 4429). */
        @WithDefault("40")
        int floodCloseAfter();

        /**
         * A socket's last frame is kept as its parts, the game's view typed (fast deltas), while it had a
         * push within this time, and as compact JSON bytes (about 1 KB) after it.
         */
        @WithDefault("15s")
        Duration keepParsedFrame();
    }

    interface Limits {
        /** Commands per second one member may send over REST and WebSocket together. */
        @WithDefault("20")
        int commandsPerSecond();

        /** Rooms one client address may create per minute. */
        @WithDefault("10")
        int roomsPerMinute();

        /** Joins one client address may make per minute. */
        @WithDefault("60")
        int joinsPerMinute();

        /** Largest REST body accepted, in bytes. */
        @WithDefault("65536")
        int maxBodyBytes();

        /** Open WebSockets per client address. */
        @WithDefault("50")
        int socketsPerClient();
    }

    interface Voice {
        /** People in one room's voice mesh. */
        @WithDefault("6")
        int maxParticipants();

        /** Characters in one signalling message (SDP offers run to a few thousand). */
        @WithDefault("16384")
        int maxSignalLength();

        /** STUN servers handed to clients, e.g. stun:stun.example.org:3478. None by default. */
        Optional<List<String>> stunUrls();

        /** TURN servers handed to clients, e.g. turn:turn.example.org:3478?transport=udp. None by default. */
        Optional<List<String>> turnUrls();

        /**
         * The secret shared with the TURN server (coturn {@code use-auth-secret} / {@code static-auth-secret}):
         * clients get short-lived credentials derived from it, never the secret.
         */
        Optional<String> turnSecret();

        /** How long TURN credentials stay valid. */
        @WithDefault("1h")
        Duration credentialTtl();
    }

    interface Archive {
        /** A finished room stays live (for its end screen) this long after its archive was committed. */
        @WithDefault("10m")
        Duration keepFinishedRooms();

        /** Wait this long after a room finished before archiving it (fault-injection tests use it). */
        @WithDefault("0s")
        Duration delay();

        /**
         * Whether anyone may see a finished match through every seat's eyes and fully revealed (the raw move
         * log and the whole state, every secret). Off, a seat's eyes are for its player alone and nobody
         * sees everything: an operator's opt-in, e.g. for a tournament's post-mortem.
         */
        @WithDefault("false")
        boolean fullReveal();
    }

    interface Store {
        /**
         * Where live rooms and the room index are kept: {@code redis}, shared by every node; or {@code memory},
         * this process's own (one node only, nothing survives a restart: for tests and single-node experiments).
         */
        @WithDefault("redis")
        Kind kind();

        enum Kind {
            REDIS,
            MEMORY
        }

        /** Key prefix; every key of one room shares the hash tag {prefix:room}. */
        @WithDefault("rt")
        String prefix();

        /** Messages kept per inbox (older ones are trimmed; a resume before them gets a gap notice). */
        @WithDefault("500")
        int inboxLength();

        /** Recent room versions kept so a resuming client receives the deltas it missed. */
        @WithDefault("16")
        int history();

        /** A live room's keys expire between half of this and this long after its last change (a safety net behind the sweeper). */
        @WithDefault("24h")
        Duration roomTtl();

        /** Compare-and-set retries of one command before it is answered with room/busy. */
        @WithDefault("16")
        int casRetries();

        /**
         * Redis replicas that must hold a change before it is acknowledged or announced (Redis {@code WAIT});
         * 0: acknowledged once the master applied it (replication is asynchronous).
         */
        @WithDefault("0")
        int replicas();

        /** How long a commit waits for {@link #replicas()}; a change not on them by then is answered server/unconfirmed. */
        @WithDefault("1s")
        Duration replicaWait();

        /**
         * How long following a room's change notices may take to be confirmed by Redis; past it the node
         * listens afresh and catches its rooms up.
         */
        @WithDefault("5s")
        Duration followWait();
    }
}
