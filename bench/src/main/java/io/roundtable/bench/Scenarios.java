package io.roundtable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/** The load scenarios: idle members, playing rooms, chat fan-out, and rooms churned to the archive. */
final class Scenarios {
    private final Load load;
    private final List<String> bases;
    private final Stats stats;
    private final AtomicInteger next = new AtomicInteger();
    /** The socket protocol the clients ask for (docs/protocol.md): 1, or 2 (events and reply inside patches). */
    private final int protocol;

    /**
     * True: every seat of a room goes to the node its room was created on (a load balancer routing by
     * room); false: each seat to the next node (any load balancer).
     */
    private final boolean byRoom;

    Scenarios(Load load, List<String> bases, Stats stats, int protocol, boolean byRoom) {
        this.load = load;
        this.bases = bases;
        this.stats = stats;
        this.protocol = protocol;
        this.byRoom = byRoom;
    }

    private String base() {
        return bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
    }

    /**
     * Creates a room and seats {@code players} clients in it, each on the next node (or all on the room's,
     * {@link #byRoom}), sockets open.
     */
    Future<List<Seat>> table(String game, String options, int players) {
        String body = "{\"game\":\"" + game + "\"" + (options == null ? "" : ",\"options\":" + options) + "}";
        String home = base();
        return load.call(home, HttpMethod.POST, "/api/rooms", body, null, 201).compose(created -> {
            String room = created.get("id").asText();
            Future<List<Seat>> seats = Future.succeededFuture(new ArrayList<>());
            for (int i = 0; i < players; i++) {
                int n = i;
                seats = seats.compose(list -> Seat.join(load, byRoom ? home : base(), room, "p" + n, stats, protocol)
                        .compose(seat -> seat.connect(load)).map(seat -> {
                            list.add(seat);
                            return list;
                        }));
            }
            return seats;
        });
    }

    /** Runs {@code count} tasks with at most {@code parallel} in flight; waits for all. */
    <T> List<T> inBatches(int count, int parallel, java.util.function.IntFunction<Future<T>> task) {
        Semaphore permits = new Semaphore(parallel);
        ConcurrentLinkedQueue<T> done = new ConcurrentLinkedQueue<>();
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            permits.acquireUninterruptibly();
            task.apply(i).onComplete(result -> {
                if (result.succeeded()) {
                    done.add(result.result());
                } else {
                    stats.errors.increment();
                    System.err.println("setup failure: " + result.cause().getMessage());
                }
                finished.incrementAndGet();
                permits.release();
            });
        }
        while (finished.get() < count) {
            Cluster.sleep(20);
        }
        return new ArrayList<>(done);
    }

    // ---------------------------------------------------------------------------------------------- idle

    /** {@code members} sockets in voice rooms of {@code perRoom}, each pinging every ~10 s like every client. */
    List<Seat> idle(int members, int perRoom) {
        int rooms = (members + perRoom - 1) / perRoom;
        List<List<Seat>> tables = inBatches(rooms, 32, i -> table("voice", "{\"maxMembers\":" + perRoom + "}",
                Math.min(perRoom, members - i * perRoom)));
        List<Seat> seats = tables.stream().flatMap(List::stream).toList();
        return seats;
    }

    // ---------------------------------------------------------------------------------------------- play

    /**
     * One Avalon table driven by its clients (one per seat), one action every {@code periodMs}. With churn, a
     * finished game's table is replaced by a fresh one; without, the room stays finished and acts no more.
     */
    final class PlayingRoom {
        final int players;
        final boolean churn;
        volatile List<Seat> seats;
        final Map<Long, Long> pending = new ConcurrentHashMap<>();
        final AtomicLong games = new AtomicLong();
        volatile boolean replacing;
        /** Its game finished and churn is off: the room stays as it is. */
        volatile boolean finished;

        void watch() {
            for (Seat seat : seats) {
                seat.onFrame = s -> settle();
            }
        }

        PlayingRoom(int players, boolean churn) {
            this.players = players;
            this.churn = churn;
        }

        /** Whether the room's table is in a game that has not finished (and is not being replaced). */
        boolean stillPlaying() {
            return !replacing && !finished && seats.stream().noneMatch(PlayingRoom::sawTheEnd);
        }

        private static boolean sawTheEnd(Seat seat) {
            return seat.read(frame -> frame != null && "FINISHED".equals(frame.at("/room/phase").asText()));
        }

        /** Every action whose version all the table's clients now hold is done: its latency is recorded. */
        private void settle() {
            long lowest = Long.MAX_VALUE;
            for (Seat s : seats) {
                lowest = Math.min(lowest, s.version);
            }
            long now = System.nanoTime();
            for (var entry : pending.entrySet()) {
                if (entry.getKey() <= lowest && pending.remove(entry.getKey()) != null) {
                    stats.latencyNanos(now - entry.getValue());
                }
            }
        }

        /**
         * Acts on a timer: first after {@code offsetMs}, then every {@code periodMs}. Each tick knows when it was
         * meant to fire (the first offset, then one period more each time; the timer runs at a fixed rate, so a
         * late tick is still that tick): an action is timed from then, not from when a late timer got round to
         * it, so a stall of the load generator or of its event loop counts in the latency of every action it held
         * up (no coordinated omission).
         */
        void schedule(long offsetMs, long periodMs) {
            long[] intended = { System.nanoTime() + offsetMs * 1_000_000 };
            load.vertx.setPeriodic(offsetMs, periodMs, t -> {
                stats.tickLateness.recordValue(Math.max(0, (System.nanoTime() - intended[0]) / 1000));
                step(intended[0]);
                intended[0] += periodMs * 1_000_000;
            });
        }

        /** One tick, meant for {@code intended} ({@link System#nanoTime()}): at most one action of the table. */
        void step(long intended) {
            if (replacing || finished) {
                return;
            }
            for (Seat seat : seats) {
                if (sawTheEnd(seat)) {
                    gameOver();
                    if (churn) {
                        replace();
                    } else {
                        finished = true;
                    }
                    return;
                }
            }
            for (Seat seat : seats) {
                // The move and the version it was chosen at, read together.
                Optional<String> act = seat.moving() ? Optional.empty()
                        : seat.read(frame -> AvalonChooser.next(frame).map(move -> "{\"type\":\"act\",\"action\":" + move
                                + ",\"expectedVersion\":" + seat.version + "}"));
                if (act.isPresent()) {
                    long start = intended;
                    seat.moveInFlight = Long.MAX_VALUE;
                    seat.send(act.get())
                            .onSuccess(reply -> {
                                if (reply.path("ok").asBoolean()) {
                                    seat.moveInFlight = reply.get("version").asLong();
                                    stats.applied.increment();
                                    pending.put(reply.get("version").asLong(), start);
                                    settle();
                                } else {
                                    seat.moveInFlight = -1;
                                    stats.refusal(reply.at("/error/code").asText(), System.nanoTime() - start);
                                }
                            })
                            .onFailure(e -> seat.moveInFlight = -1);
                    return;
                }
            }
        }

        /** Counts a game played to its end, with its sampled bytes. */
        private void gameOver() {
            games.incrementAndGet();
            stats.wholeGames.increment();
            for (Seat seat : seats) {
                stats.wholeGamePatchBytes.add(seat.gamePatchBytes);
                stats.wholeGameEventBytes.add(seat.gameEventBytes);
                stats.wholeGameFrameBytes.add(seat.gameFrameBytes);
            }
        }

        private void replace() {
            replacing = true;
            seats.forEach(Seat::close);
            seatAgain(RESEAT_ATTEMPTS);
        }

        /** Seats a fresh table; a failed attempt is retried (as a player would) and counted. */
        private void seatAgain(int attemptsLeft) {
            readyTable(players).onSuccess(fresh -> {
                seats = fresh;
                pending.clear();
                watch();
                replacing = false;
            }).onFailure(e -> {
                if (attemptsLeft > 1) {
                    stats.reseatRetries.increment();
                    load.vertx.setTimer(200, t -> seatAgain(attemptsLeft - 1));
                    return;
                }
                if (stats.errors.sum() < 5) {
                    System.err.println("could not seat a new table: " + e);
                }
                stats.errors.increment();
            });
        }
    }

    private static final int RESEAT_ATTEMPTS = 5;

    Future<List<Seat>> readyTable(int players) {
        return table("avalon", "{\"players\":" + players + "}", players).compose(seats -> {
            List<Future<JsonNode>> ready = new ArrayList<>();
            for (Seat seat : seats) {
                ready.add(seat.send("{\"type\":\"ready\",\"ready\":true}"));
            }
            return Future.all(ready).map(all -> seats);
        });
    }

    /** {@code rooms} tables of {@code players}, each acting on its own timer; {@code churn}: see {@link PlayingRoom}. */
    List<PlayingRoom> play(int rooms, int players, double actionsPerRoomPerSecond, boolean churn) {
        List<PlayingRoom> playing = inBatches(rooms, 16, i -> readyTable(players).map(seats -> {
            PlayingRoom room = new PlayingRoom(players, churn);
            room.seats = seats;
            room.watch();
            return room;
        }));
        long period = Math.max(1, Math.round(1000 / actionsPerRoomPerSecond));
        for (PlayingRoom room : playing) {
            room.schedule(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(period), period);
        }
        return playing;
    }

    // ---------------------------------------------------------------------------------------------- chat

    /** Rooms of {@code perRoom} members; one message per room every {@code periodMs}, timed until all have it. */
    List<List<Seat>> chat(int rooms, int perRoom, double messagesPerRoomPerSecond) {
        List<List<Seat>> tables = inBatches(rooms, 32, i -> table("voice", "{\"maxMembers\":" + perRoom + "}", perRoom));
        long period = Math.max(1, Math.round(1000 / messagesPerRoomPerSecond));
        for (List<Seat> seats : tables) {
            Map<String, long[]> sent = new ConcurrentHashMap<>();
            for (Seat seat : seats) {
                seat.onMessage = message -> {
                    long[] entry = sent.get(message.get("text").asText());
                    if (entry != null && ++entry[1] == seats.size()) {
                        stats.latencyNanos(System.nanoTime() - entry[0]);
                        sent.remove(message.get("text").asText());
                    }
                };
            }
            AtomicLong counter = new AtomicLong();
            long offset = 1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(period);
            load.vertx.setTimer(offset, t -> load.vertx.setPeriodic(period, p -> {
                Seat sender = seats.get((int) (counter.get() % seats.size()));
                String text = "m" + counter.incrementAndGet() + "-" + sender.member;
                long start = System.nanoTime();
                sent.put(text, new long[] { start, 0 });
                sender.send("{\"type\":\"send\",\"text\":\"" + text + "\"}").onSuccess(reply -> {
                    if (reply.path("ok").asBoolean()) {
                        stats.applied.increment();
                    } else {
                        stats.refusal(reply.at("/error/code").asText(), System.nanoTime() - start);
                        sent.remove(text);
                    }
                });
            }));
        }
        return tables;
    }

    // ---------------------------------------------------------------------------------------------- churn

    /** {@code workers} loops: create a room of five bots (it plays itself), wait until it is archived. */
    AtomicLong churn(int workers, long untilNanos) {
        AtomicLong archived = new AtomicLong();
        for (int w = 0; w < workers; w++) {
            churnOne(archived, untilNanos);
        }
        return archived;
    }

    private void churnOne(AtomicLong archived, long untilNanos) {
        if (System.nanoTime() > untilNanos) {
            return;
        }
        long start = System.nanoTime();
        String base = base();
        load.call(base, HttpMethod.POST, "/api/rooms", "{\"game\":\"avalon\",\"bots\":5}", null, 201)
                .compose(created -> awaitArchived(base, created.get("id").asText(), 200))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        archived.incrementAndGet();
                        stats.applied.increment();
                        stats.latencyNanos(System.nanoTime() - start);
                    } else {
                        stats.errors.increment();
                    }
                    churnOne(archived, untilNanos);
                });
    }

    private Future<JsonNode> awaitArchived(String base, String room, int attemptsLeft) {
        return load.call(base, HttpMethod.GET, "/api/matches/" + room, null, null, 200).recover(missing -> {
            if (attemptsLeft <= 0) {
                return Future.failedFuture("room " + room + " was not archived");
            }
            io.vertx.core.Promise<JsonNode> later = io.vertx.core.Promise.promise();
            load.vertx.setTimer(50, t -> awaitArchived(base, room, attemptsLeft - 1).onComplete(later));
            return later.future();
        });
    }
}
