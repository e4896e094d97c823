package io.roundtable.devservices;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the embedded Redis and PostgreSQL that Roundtable starts in dev and test mode.
 * They only apply when {@code quarkus.redis.hosts} / {@code quarkus.datasource.reactive.url} are not set.
 */
@ConfigMapping(prefix = "roundtable.dev-services")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface EmbeddedServicesConfig {

    /** Whether to start the embedded servers at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Where the servers keep their data and extracted binaries; relative paths are resolved against
     * the module directory. Dev mode uses {@code dev/}, each test JVM {@code test-<pid>/}.
     */
    @WithDefault("target/roundtable-dev-services")
    String directory();

    /** Keep data between runs in dev mode (live rooms and archived matches survive a restart). Tests always start empty. */
    @WithDefault("true")
    boolean keepDevData();

    /**
     * Start a Redis Cluster of three masters and three replicas instead of one Redis (and set
     * {@code quarkus.redis.client-type=cluster}). It starts empty every time.
     */
    @WithDefault("false")
    boolean redisCluster();

    /** Fixed Redis port (not for a cluster); a free loopback port is chosen when absent. */
    Optional<Integer> redisPort();

    /** Fixed PostgreSQL port; a free loopback port is chosen when absent. */
    Optional<Integer> postgresPort();
}
