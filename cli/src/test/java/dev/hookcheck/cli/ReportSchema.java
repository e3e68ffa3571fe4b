package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a report folder the way a CI job would, checking report.json against its published schema. */
final class ReportSchema {
    private static final String ID_PREFIX = "https://hookcheck.dev/schemas/";
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:hookcheck/json/")))
            .getSchema(SchemaLocation.of(ID_PREFIX + "report.schema.json"));

    private ReportSchema() {}

    /** report.json, after asserting that it is valid and that the other two reports are there. */
    static JsonNode validReport(Path folder) throws IOException {
        assertThat(folder.resolve("junit.xml")).isNotEmptyFile();
        assertThat(folder.resolve("report.html")).isNotEmptyFile();
        String json = Files.readString(folder.resolve("report.json"), StandardCharsets.UTF_8);
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        assertThat(errors).as("report.json against report.schema.json").isEmpty();
        return JsonMapper.shared().readTree(json);
    }

    static List<String> idsWithOutcome(JsonNode report, String outcome) {
        return report.get("checks").valueStream().filter(c -> c.get("outcome").asString().equals(outcome))
                .map(c -> c.get("id").asString()).toList();
    }
}
