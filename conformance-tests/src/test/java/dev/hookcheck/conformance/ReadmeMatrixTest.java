package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the detection matrix exactly as {@code DetectionMatrixTest} verifies it. */
class ReadmeMatrixTest {
    @Test
    void theReadmeShowsTheVerifiedDetectionMatrix() throws IOException {
        String matrix = Files.readString(Path.of("src/test/resources/detection-matrix.md")).strip();
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("README.md must contain conformance-tests/src/test/resources/detection-matrix.md verbatim;"
                + " paste it after regenerating the matrix").contains(matrix);
    }
}
