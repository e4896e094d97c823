package io.roundtable.demo.faults;

/** Closes everything a test started, each even if another fails, and reports the first failure. */
final class Cleanup {
    private Cleanup() {
    }

    static void all(AutoCloseable... things) throws Exception {
        Exception first = null;
        for (AutoCloseable thing : things) {
            if (thing == null) {
                continue;
            }
            try {
                thing.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
