package io.roundtable.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The dependency direction of ARCHITECTURE.md: the core, the testkit and the games stay pure. */
class ArchitectureTest {

    private static final String[] FRAMEWORKS_AND_SERVERS = {
            "io.quarkus..", "io.vertx..", "io.smallrye..", "io.netty..", "org.hibernate..",
            "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..",
            "io.roundtable.runtime..", "redis..", "io.lettuce..", "org.postgresql..", "io.zonky.." };

    private final JavaClasses pureModules = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roundtable.core", "io.roundtable.testkit", "io.roundtable.games");

    @Test
    void core_testkit_and_games_do_not_depend_on_quarkus_vertx_redis_or_hibernate() {
        noClasses().that().resideInAnyPackage("io.roundtable.core..", "io.roundtable.testkit..", "io.roundtable.games..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_SERVERS)
                .check(pureModules);
    }

    @Test
    void games_depend_on_the_core_only_not_on_each_other() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.roundtable.games.(*)..").should().notDependOnEachOther()
                .check(pureModules);
    }
}
