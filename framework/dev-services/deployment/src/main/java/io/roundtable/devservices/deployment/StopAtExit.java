package io.roundtable.devservices.deployment;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a server when the JVM exits, if Quarkus has not. Quarkus closes its dev services itself, once the
 * application has stopped using them; a plain shutdown hook would run beside the application's shutdown and
 * take Redis or PostgreSQL away while the application still talks to them (connection resets, failed sweeps
 * on the console). So this hook first waits for Quarkus, and stops the server only if nobody has by then.
 */
final class StopAtExit {
    /** Longer than an application's own shutdown takes; only a JVM that never closes its application waits it out. */
    static final Duration GRACE = Duration.ofSeconds(15);
    private final CountDownLatch closed = new CountDownLatch(1);

    StopAtExit(String threadName, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (closed.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        }, threadName));
    }

    /** The server was closed (by Quarkus, or by this hook): nothing is left to do at exit. */
    void closed() {
        closed.countDown();
    }
}
