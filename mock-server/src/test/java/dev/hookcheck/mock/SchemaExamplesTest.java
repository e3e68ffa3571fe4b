package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every published schema has an {@code $id}, a title, a description and examples, and its examples are valid. */
class SchemaExamplesTest {

    static List<String> schemas() throws IOException, URISyntaxException {
        URI uri = SchemaExamplesTest.class.getResource("/hookcheck/json").toURI();
        if (uri.getScheme().equals("jar")) { // mvn verify puts the schemas module's jar on the classpath
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException opened) {
                // another test opened it
            }
        }
        Path root = Path.of(uri);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".schema.json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void theSchemaIsDocumentedAndItsExamplesAreValid(String path) throws IOException {
        JsonNode schema;
        try (var in = getClass().getResourceAsStream("/hookcheck/json/" + path)) {
            schema = JsonMapper.shared().readTree(in);
        }
        assertThat(schema.path("$schema").asString("")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString("")).isEqualTo(Schemas.ID_PREFIX + path);
        assertThat(schema.path("title").asString("")).isNotBlank();
        assertThat(schema.path("description").asString("")).isNotBlank();
        assertThat(schema.path("examples").isArray() && !schema.path("examples").isEmpty()).as("examples").isTrue();
        for (JsonNode example : schema.get("examples")) {
            Schemas.assertValid(path, JsonMapper.shared().writeValueAsString(example));
        }
    }
}
