package io.roundtable.testkit;

/**
 * A hidden fact that reached someone not allowed to know it.
 *
 * @param viewer  who learned it ({@code seat 2}, {@code spectator})
 * @param through where: {@code view}, {@code channels}, {@code reply}, {@code events}
 * @param secret  the change to hidden facts that this viewer could tell apart
 * @param detail  what differed
 */
public record Leak(String viewer, String through, String secret, String detail) {
    @Override
    public String toString() {
        return viewer + " can tell [" + secret + "] through its " + through + ": " + detail;
    }
}
