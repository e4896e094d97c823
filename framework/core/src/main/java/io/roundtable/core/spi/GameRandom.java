package io.roundtable.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The only randomness a game may use: seeded, so that a match replays exactly. The framework derives
 * one per setup and per applied action from the match seed.
 */
public final class GameRandom {
    private final SplittableRandom random;

    private GameRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static GameRandom seeded(long seed) {
        return new GameRandom(seed);
    }

    /** The random source for one numbered step of a match (stable across replays). */
    public static GameRandom forStep(long matchSeed, long step) {
        return new GameRandom(mix(matchSeed * 0x9E3779B97F4A7C15L + step));
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    public <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return items.get(random.nextInt(items.size()));
    }

    /** A shuffled copy (Fisher–Yates). */
    public <T> List<T> shuffle(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    /** {@code count} distinct items, in random order. */
    public <T> List<T> sample(List<T> items, int count) {
        return shuffle(items).subList(0, count);
    }

    private static long mix(long z) { // SplitMix64 finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
