package io.roundtable.demo.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the application logs at WARN or above while it is open: a handler on the root logger of
 * the test JVM's log manager (JBoss LogManager, as in the application), beside Quarkus's own console handler.
 */
public final class LogRecorder extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public static LogRecorder start() {
        LogRecorder recorder = new LogRecorder();
        recorder.setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(recorder);
        return recorder;
    }

    /** Each record at WARN or above so far, as "LEVEL [logger] message". */
    public List<String> warnings() {
        return records.stream()
                .map(r -> r.getLevel() + " [" + r.getLoggerName() + "] " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
