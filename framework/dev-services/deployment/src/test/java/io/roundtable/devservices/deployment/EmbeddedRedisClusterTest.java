package io.roundtable.devservices.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The dev services' Redis Cluster is a real one: six processes, the slots covered, a replica per master. */
class EmbeddedRedisClusterTest {

    @Test
    void three_masters_and_three_replicas_form_a_cluster_that_serves_every_slot() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cluster-");
        EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(dir, Path.of("target", "roundtable-dev-services", "bin"));
        try {
            cluster.start();
            String[] masters = cluster.getConnectionInfo().split(",");
            assertThat(masters).hasSize(3).allSatisfy(host -> assertThat(host).startsWith("redis://127.0.0.1:"));
            String info = EmbeddedRedisCluster.call(node(masters[0]), "CLUSTER", "INFO");
            assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:6",
                    "cluster_size:3");
            String key = "{rt:abc}:version";
            int slot = Integer.parseInt(EmbeddedRedisCluster.call(node(masters[0]), "CLUSTER", "KEYSLOT", key));
            int owner = slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2;
            assertThat(EmbeddedRedisCluster.call(node(masters[owner]), "SET", key, "1")).isEqualTo("OK");
            assertThatThrownBy(() -> EmbeddedRedisCluster.call(node(masters[(owner + 1) % 3]), "GET", key))
                    .as("another master redirects").hasMessageContaining("MOVED " + slot);
        } finally {
            cluster.close();
        }
    }

    private static int node(String host) {
        return Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
    }
}
