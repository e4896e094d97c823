package io.roundtable.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import io.roundtable.core.error.ErrorCode;

/**
 * The dependency direction of ARCHITECTURE.md: the core, the testkit and the games stay pure; Redis is
 * touched only in the runtime's store package; and the framework's error codes are written in one place.
 */
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

    /**
     * The core keeps nothing between calls: every field is final (the one exception is {@code Pending}, the
     * builder of a single command's change, which lives for one call), none is volatile, and nothing in it
     * needs a concurrent collection. Memory such as the runtime's last-state memo lives outside the core.
     */
    @Test
    void the_core_holds_no_mutable_state_or_caches() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("io.roundtable.core..")
                .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName("io.roundtable.core.room.Pending")
                .should().beFinal()
                .check(pureModules);
        noFields().that().areDeclaredInClassesThat().resideInAPackage("io.roundtable.core..")
                .should().haveModifier(JavaModifier.VOLATILE)
                .check(pureModules);
        noClasses().that().resideInAPackage("io.roundtable.core..")
                .should().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .check(pureModules);
    }

    @Test
    void games_depend_on_the_core_only_not_on_each_other() {
        SlicesRuleDefinition.slices()
                .matching("io.roundtable.games.(*)..").should().notDependOnEachOther()
                .check(pureModules);
    }

    @Test
    void only_the_runtimes_store_package_talks_to_redis() {
        JavaClasses runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roundtable.runtime");
        noClasses().that().resideOutsideOfPackage("io.roundtable.runtime.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus.redis..", "io.vertx..redis..")
                .check(runtime);
    }

    /**
     * A command goes one way: edges (REST, socket) → room service → store → delivery → sockets. Delivery
     * (push) reads rooms through the store and never calls back into the room service or an edge; per-room
     * ordering (order) and the store depend on neither.
     */
    @Test
    void a_command_travels_one_way_from_the_edges_to_the_sockets() {
        JavaClasses runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roundtable.runtime");
        noClasses().that().resideInAnyPackage("io.roundtable.runtime.push..", "io.roundtable.runtime.order..",
                "io.roundtable.runtime.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.roundtable.runtime.rooms..",
                        "io.roundtable.runtime.ws..", "io.roundtable.runtime.rest..", "io.roundtable.runtime.presence..")
                .check(runtime);
        noClasses().that().resideInAnyPackage("io.roundtable.runtime.order..", "io.roundtable.runtime.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.roundtable.runtime.push..")
                .check(runtime);
        noClasses().that().resideInAPackage("io.roundtable.runtime.ws..")
                .should().dependOnClassesThat().resideInAPackage("io.roundtable.runtime.store..")
                .because("the socket endpoint only adapts: delivery reads what a socket is sent")
                .check(runtime);
    }

    /** A namespaced code as a string literal: {@code "room/full"}, {@code "avalon/team_size"}. */
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*/[a-z_]+)\"");
    private static final Set<String> FRAMEWORK_CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
            .collect(Collectors.toSet());

    @Test
    void the_frameworks_error_codes_are_written_only_in_ErrorCode() throws IOException {
        List<String> elsewhere;
        try (Stream<Path> files = Files.walk(DocsTest.ROOT)) {
            elsewhere = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                    && !p.toString().contains("/target/") && !p.endsWith("ErrorCode.java"))
                    .flatMap(ArchitectureTest::frameworkCodes).toList();
        }
        assertThat(elsewhere).as("use ErrorCode's constants instead").isEmpty();
    }

    private static Stream<String> frameworkCodes(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.strip().startsWith("*"))
                    .filter(line -> CODE_LITERAL.matcher(line).results().anyMatch(m -> FRAMEWORK_CODES.contains(m.group(1))))
                    .map(line -> DocsTest.ROOT.relativize(file) + ": " + line.strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
