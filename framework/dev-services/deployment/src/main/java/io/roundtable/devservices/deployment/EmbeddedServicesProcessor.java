package io.roundtable.devservices.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.roundtable.devservices.EmbeddedServicesConfig;

/**
 * In dev and test mode, starts a real Redis and a real PostgreSQL for every connection the
 * application has not configured itself, and hands their addresses to Quarkus config. Production
 * builds never run these steps, and the servers live on the deployment classpath only.
 */
@BuildSteps(onlyIfNot = IsNormal.class)
class EmbeddedServicesProcessor {
    private static final String FEATURE = "roundtable-dev-services";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    List<DevServicesResultBuildItem> embeddedServers(EmbeddedServicesConfig config, LaunchModeBuildItem launchMode) {
        List<DevServicesResultBuildItem> servers = new ArrayList<>();
        if (!config.enabled()) {
            return servers;
        }
        boolean dev = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT;
        Path root = Path.of(config.directory()).toAbsolutePath();
        InstanceDirectory.Claim claim = InstanceDirectory.claim(root, dev, config.keepDevData());
        Path base = claim.directory();
        boolean keep = claim.keepData();

        if (!ConfigUtils.isPropertyNonEmpty(REDIS_HOSTS) && config.redisCluster()) {
            servers.add(DevServicesResultBuildItem.owned()
                    .feature(FEATURE)
                    .serviceName("redis-cluster")
                    .serviceConfig("redis-cluster:" + base)
                    .startable(() -> new EmbeddedRedisCluster(base.resolve("redis-cluster"), root.resolve("bin")))
                    .configProvider(Map.of(REDIS_HOSTS, EmbeddedRedisCluster::getConnectionInfo,
                            "quarkus.redis.client-type", cluster -> "cluster"))
                    .build());
        } else if (!ConfigUtils.isPropertyNonEmpty(REDIS_HOSTS)) {
            int port = config.redisPort().orElseGet(LoopbackPorts::free);
            servers.add(DevServicesResultBuildItem.owned()
                    .feature(FEATURE)
                    .serviceName("redis")
                    .serviceConfig("redis:" + base + ":" + config.redisPort() + ":" + keep)
                    .startable(() -> new EmbeddedRedis(base.resolve("redis"), root.resolve("bin"), port, keep))
                    .configProvider(Map.of(REDIS_HOSTS, EmbeddedRedis::getConnectionInfo))
                    .build());
        }
        if (!ConfigUtils.isPropertyNonEmpty(REACTIVE_URL)) {
            int port = config.postgresPort().orElseGet(LoopbackPorts::free);
            servers.add(DevServicesResultBuildItem.owned()
                    .feature(FEATURE)
                    .serviceName("postgresql")
                    .serviceConfig("postgresql:" + base + ":" + config.postgresPort() + ":" + keep)
                    .startable(() -> new EmbeddedPostgresServer(base.resolve("postgres"), root.resolve("bin/postgres"), port, keep))
                    .configProvider(Map.of(
                            REACTIVE_URL, EmbeddedPostgresServer::reactiveUrl,
                            "quarkus.datasource.jdbc.url", EmbeddedPostgresServer::jdbcUrl,
                            "quarkus.datasource.username", server -> EmbeddedPostgresServer.USER,
                            "quarkus.datasource.password", server -> EmbeddedPostgresServer.PASSWORD))
                    .build());
        }
        return servers;
    }
}
