package io.roundtable.devservices.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.deployment.builditem.Startable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (binaries from io.zonky.test.postgres) on a loopback port. */
final class EmbeddedPostgresServer implements Startable {
    static final String DATABASE = "roundtable";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final Path directory;
    private final Path binaries;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres postgres;
    private StopAtExit stopAtExit;

    EmbeddedPostgresServer(Path directory, Path binaries, int port, boolean keepData) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
        this.keepData = keepData;
    }

    @Override
    public void start() {
        try {
            Path data = directory.resolve("data");
            LeftoverProcess.stopIfRunning(data.resolve("postmaster.pid"), "postgres");
            boolean fresh = !keepData || !Files.isRegularFile(data.resolve("PG_VERSION"));
            if (fresh && Files.exists(data)) {
                deleteRecursively(data);
            }
            Files.createDirectories(binaries);
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(false)
                    .start();
            stopAtExit = new StopAtExit("roundtable-postgres-stop", this::close);
            String version = createDatabaseAndReadVersion();
            LOG.infof("Roundtable dev services: %s on postgresql://127.0.0.1:%d/%s, data in %s",
                    version, port, DATABASE, data);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private String createDatabaseAndReadVersion() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + DATABASE);
                }
            }
            try (ResultSet version = statement.executeQuery("show server_version")) {
                version.next();
                return "PostgreSQL " + version.getString(1);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public String getConnectionInfo() {
        return reactiveUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public synchronized void close() {
        try {
            if (postgres != null) {
                postgres.close();
                LOG.infof("Roundtable dev services: PostgreSQL on port %d stopped", port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
            if (stopAtExit != null) {
                stopAtExit.closed();
            }
        }
    }
}
