package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Recomputes every expected value of the vector suite with an implementation other than ours
 * (Python's hmac and the openssl command), so a bug shared by our signer and verifier cannot hide.
 */
class IndependentVectorCheckTest {

    @Test
    void pythonAndOpensslAgreeWithEveryVectorOfTheSuite() throws IOException, InterruptedException {
        Path script = Path.of("..", "schemas", "vectors", "vectors.py").toAbsolutePath().normalize();
        assertThat(script).exists();
        Process process = new ProcessBuilder("python3", script.toString(), "check")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("\\d+ passed, 0 failed");
        assertThat(Files.readString(script.resolveSibling("signatures.json"))).contains("\"cases\"");
    }
}
