package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/hookcheck.yaml, as the README shows it, is a valid configuration. */
class ExampleConfigTest {
    @Test
    void theExampleConfigLoads() {
        SandboxConfig config = SandboxConfig.load(Path.of(System.getProperty("hookcheck.root"),
                "examples/hookcheck.yaml"));

        assertThat(config.seed()).contains(7L);
        assertThat(config.events()).contains(50);
        assertThat(config.timeScale()).contains(60.0);
        assertThat(config.apiKey()).contains("sandbox-key");
        assertThat(config.apiKeys()).hasSize(1);
        assertThat(config.credentials()).extracting(c -> c.get("id").asString()).containsExactly("local-signer");
        assertThat(config.endpoints()).extracting(e -> e.get("profile").asString()).containsExactly("vitable",
                "standard");
        assertThat(config.failures()).extracting(f -> f.get("mode").asString()).containsExactly("duplicate",
                "lost_ack");
    }
}
