package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Python client printed in docs/clients.md plays a real move against a real server. */
@QuarkusTest
class PythonClientTest {

    @TestHTTPResource("/")
    URI uri;

    @Test
    void the_python_client_in_the_docs_plays_a_move() throws Exception {
        String script = DocsTest.blocks(Path.of("../docs/clients.md"), "python").get(0);
        if (!new File("/usr/bin/python3").canExecute() && !onPath("python3")) {
            throw new AssertionError("python3 is needed to run the documented client: apt-get install -y python3");
        }
        Process python = new ProcessBuilder("python3", "-", uri.toString().replaceAll("/$", ""))
                .redirectErrorStream(true).start();
        python.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        boolean done = python.waitFor(60, TimeUnit.SECONDS);
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as(output).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("I am seat 4").contains("accepted at version");
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
