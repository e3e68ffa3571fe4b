package dev.hookcheck.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.store.Credential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin schemas are well-formed, closed, described, and their own examples pass them. */
class AdminSchemasTest {
    private static final String PROFILE_NAMES = "https://hookcheck.dev/schemas/profile-name.schema.json";

    private static final String FOLDER = "hookcheck/json/admin";

    static List<String> schemas() {
        return PublishedFiles.list(FOLDER, "error.schema.json");
    }

    private static JsonNode schema(String file) {
        return PublishedFiles.json(FOLDER + "/" + file);
    }

    @Test
    void theAdminSchemasArePublished() {
        assertThat(schemas()).contains("error.schema.json", "health.schema.json", "event.schema.json", "event-list.schema.json",
                "endpoint.schema.json", "endpoint-list.schema.json", "api-key.schema.json", "api-key-list.schema.json",
                "organization-list.schema.json", "clock.schema.json", "clock-advance.schema.json", "clock-scale.schema.json",
                "delivery-list.schema.json", "attempt-list.schema.json", "rotate-secret.schema.json", "failure-rule.schema.json",
                "failure-rule-create.schema.json", "failure-rule-update.schema.json", "failure-rule-list.schema.json",
                "lifecycle-create.schema.json", "lifecycle.schema.json", "credential.schema.json",
                "credential-create.schema.json", "credential-list.schema.json").allMatch(f -> f.endsWith(".schema.json"));
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyExamplePassesItsOwnSchema(String file) {
        JsonNode examples = schema(file).get("examples");

        assertThat(examples).as("examples of %s", file).isNotNull();
        assertThat(examples.size()).isPositive();
        examples.forEach(example -> Schemas.assertValid("admin/" + file, example.toString()));
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everySchemaIsA202012SchemaWithItsIdTitleAndDescription(String file) {
        JsonNode schema = schema(file);

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").stringValue()).isEqualTo(Schemas.ID_PREFIX + "admin/" + file);
        assertThat(schema.get("title").stringValue()).isNotBlank();
        assertThat(schema.get("description").stringValue()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyObjectIsClosed(String file) {
        JsonNode schema = schema(file);
        List<String> open = new ArrayList<>();
        openObjects(schema, "", open);

        assertThat(open).as("objects without additionalProperties: false in %s", file).isEmpty();
        if (schema.has("$defs") || schema.path("$ref").stringValue("").contains("#/$defs/")) {
            // building blocks in $defs are closed where they are used
            assertThat(schema.get("unevaluatedProperties").booleanValue()).isFalse();
        }
    }

    private static void openObjects(JsonNode node, String at, List<String> open) {
        if (node.isObject()) {
            boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").booleanValue()
                    || node.path("unevaluatedProperties").isBoolean() && !node.get("unevaluatedProperties").booleanValue();
            if (node.has("properties") && !closed && !at.matches("/\\$defs/[^/]+")) {
                open.add(at.isEmpty() ? "/" : at);
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (!child.getKey().equals("examples")) {
                    openObjects(child.getValue(), at + "/" + child.getKey(), open);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                openObjects(node.get(i), at + "/" + i, open);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyProfileFieldNamesTheBuiltInProfiles(String file) {
        ObjectNode schema = (ObjectNode) schema(file);
        schema.remove("examples");
        List<JsonNode> fields = new ArrayList<>();
        schema.findValues("profile").forEach(fields::add);
        // a list of profile names, or of profile objects named by their "name" (GET /__admin/profiles)
        schema.findValues("profiles").forEach(p -> fields.add(p.get("items").has("properties")
                ? p.get("items").get("properties").get("name") : p.get("items")));

        for (JsonNode field : fields) {
            if (file.startsWith("credential")) {
                // key credentials exist only for the profiles whose APIs sign user actions
                assertThat(field.get("enum").valueStream().map(JsonNode::stringValue))
                        .containsExactlyElementsOf(Credential.SIGNING_PROFILES);
            } else {
                // one list of names for every schema, so that a new provider changes one file
                assertThat(field.path("$ref").asString("")).as("%s: a profile field refers to the names", file)
                        .isEqualTo(PROFILE_NAMES);
            }
        }
    }

    @Test
    void theProfileNamesAreTheBuiltInProfilesInTheirOrder() {
        JsonNode names = PublishedFiles.json("hookcheck/json/profile-name.schema.json");
        assertThat(names.get("enum").valueStream().map(JsonNode::stringValue)).containsExactlyElementsOf(Profiles.names());
    }

    @Test
    void anEventWithDeliveriesIsNotAPlainEvent() {
        String detail = schema("event-detail.schema.json").get("examples").get(0).toString();

        assertThatThrownBy(() -> Schemas.assertValid("admin/event.schema.json", detail)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anEventDetailWithAnUnknownFieldFails() {
        String detail = schema("event-detail.schema.json").get("examples").get(0).toString().replaceFirst("\\{", "{\"extra\":1,");

        assertThatThrownBy(() -> Schemas.assertValid("admin/event-detail.schema.json", detail)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anErrorWithoutATitleFails() {
        assertThatThrownBy(() -> Schemas.assertValid("admin/error.schema.json", "{\"errors\":[{\"code\":\"not_found\"}]}"))
                .isInstanceOf(AssertionError.class);
    }
}
