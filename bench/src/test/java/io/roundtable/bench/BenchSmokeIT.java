package io.roundtable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The harness works end to end: it starts real servers and an app node, runs a scenario, and produces
 * figures and report files without errors. Timings are printed, never asserted.
 */
class BenchSmokeIT {
    static final Path APP = Path.of("../web-demo/target/quarkus-app/quarkus-run.jar");

    @Test
    void a_short_play_run_produces_figures_and_reports_without_errors() throws Exception {
        Path reports = Path.of("target/bench-smoke");
        Map<String, Object> report = Bench.run(Bench.Args.parse("play", "--rooms", "3", "--rate", "2", "--seconds", "3",
                "--warmup", "1", "--redis-seconds", "1", "--heap", "384m", "--app", APP.toString(),
                "--reports", reports.toString()));
        assertThat(report.get("errors")).isEqualTo(0L);
        assertThat(((Number) report.get("appliedPerSecond")).doubleValue()).isPositive();
        assertThat(((Number) ((Map<?, ?>) report.get("latencyMs")).get("count")).doubleValue()).isPositive();
        assertThat(((Number) report.get("redisSetRate")).doubleValue()).isPositive();
        assertThat(((Number) report.get("bytesPerPatch")).longValue()).isPositive();
        assertThat(((Number) report.get("serverHeapLoaded")).longValue()).isPositive();
        try (var files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("play-") && name.endsWith(".json"))
                    .anyMatch(name -> name.startsWith("play-") && name.endsWith(".md"));
        }
    }

    @Test
    void a_short_churn_run_archives_rooms_without_errors() throws Exception {
        Map<String, Object> report = Bench.run(Bench.Args.parse("churn", "--workers", "2", "--seconds", "3",
                "--redis-seconds", "1", "--heap", "384m", "--app", APP.toString(), "--reports", "target/bench-smoke"));
        assertThat(report.get("errors")).isEqualTo(0L);
        assertThat(((Number) report.get("roomsArchived")).longValue()).isPositive();
    }
}
