package dev.hookcheck.mock.internal.api.dfns;

import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_A;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST, GET, PUT and DELETE on /webhooks. */
class DfnsWebhooksTest {
    private DfnsFixture dfns = new DfnsFixture();

    @AfterEach
    void close() {
        dfns.close();
    }

    private List<Endpoint> stored(String organization) {
        return dfns.store().endpoints(organization);
    }

    // create

    @Test
    void createReturnsTheWebhookWithItsSecretAndStoresIt() {
        JsonNode created = dfns.post("/webhooks", """
                {"url":"https://receiver.example/dfns","events":["wallet.created","wallet.transfer.confirmed"],
                 "description":"Treasury"}""").expect(200, "webhook-created");

        assertThat(created.path("url").stringValue()).isEqualTo("https://receiver.example/dfns");
        assertThat(created.path("events").toString()).isEqualTo("[\"wallet.created\",\"wallet.transfer.confirmed\"]");
        assertThat(created.path("status").stringValue()).isEqualTo("Enabled");
        assertThat(created.path("description").stringValue()).isEqualTo("Treasury");
        assertThat(created.path("dateCreated").stringValue()).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(created.path("dateUpdated").stringValue()).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(created.path("secret").stringValue()).startsWith("whs-");
        Endpoint stored = dfns.store().endpoint(created.path("id").stringValue()).orElseThrow();
        assertThat(stored.organizationId()).isEqualTo(ORG_A);
        assertThat(stored.secret().reveal()).isEqualTo(created.path("secret").stringValue());
    }

    @Test
    void createAcceptsTheWildcardAndADisabledStatus() {
        JsonNode created = dfns.post("/webhooks", """
                {"url":"http://localhost:9000/hook","events":["*"],"status":"Disabled"}""").expect(200, "webhook-created");

        assertThat(created.path("events").toString()).isEqualTo("[\"*\"]");
        assertThat(created.path("status").stringValue()).isEqualTo("Disabled");
        assertThat(created.has("description")).isFalse();
        assertThat(dfns.store().endpoint(created.path("id").stringValue()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void createStoresARepeatedKindOnce() {
        JsonNode created = dfns.createWebhook("https://receiver.example/dfns", "[\"key.created\",\"key.created\"]");

        assertThat(created.path("events").toString()).isEqualTo("[\"key.created\"]");
    }

    static Stream<Arguments> invalidCreateBodies() {
        return Stream.of(
                Arguments.of("{\"events\":[\"*\"]}", "url is required"),
                Arguments.of("{\"url\":\"ftp://receiver.example/dfns\",\"events\":[\"*\"]}", "url must be an absolute http or https URL"),
                Arguments.of("{\"url\":\"/relative/path\",\"events\":[\"*\"]}", "url must be an absolute http or https URL"),
                Arguments.of("{\"url\":\"https://exa mple.com\",\"events\":[\"*\"]}", "url must be an absolute http or https URL"),
                Arguments.of("{\"url\":42,\"events\":[\"*\"]}", "url must be a string"),
                Arguments.of("{\"url\":null,\"events\":[\"*\"]}", "url must be a string"),
                Arguments.of("{\"url\":\"https://receiver.example\"}", "events is required"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[]}", "events must not be empty"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":\"*\"}", "events must be an array"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[7]}", "events must contain only strings"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"wallet.eaten\"]}", "events contains an unknown kind 'wallet.eaten'"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"*\",\"wallet.created\"]}", "events is either [\"*\"] alone"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"*\"],\"status\":\"Paused\"}", "status must be Enabled or Disabled"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"*\"],\"status\":true}", "status must be Enabled or Disabled"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"*\"],\"description\":5}", "description must be a string"),
                Arguments.of("{\"url\":\"https://receiver.example\",\"events\":[\"*\"],\"secret\":\"mine\"}", "secret is not a webhook field"),
                Arguments.of("{\"url\":\"https://receiver.example\",", "the request body is not valid JSON"),
                Arguments.of("[\"https://receiver.example\"]", "the request body must be a JSON object"),
                Arguments.of("", "the request body is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreateBodies")
    void anInvalidCreateBodyIsA400NamingTheFieldAndStoresNothing(String body, String message) {
        String error = dfns.post("/webhooks", body).expectError(400);

        assertThat(error).contains(message);
        assertThat(stored(ORG_A)).isEmpty();
    }

    @Test
    void theWebhookLimitRefusesOneMoreAndStoresNothing() {
        for (int i = 0; i < 5; i++) {
            dfns.createWebhook("https://receiver.example/" + i, "[\"*\"]");
        }

        String error = dfns.post("/webhooks", "{\"url\":\"https://receiver.example/6\",\"events\":[\"*\"]}").expectError(400);

        assertThat(error).contains("Webhook limit reached").contains("at most 5 webhooks");
        assertThat(stored(ORG_A)).hasSize(5);
    }

    @Test
    void theWebhookLimitIsConfigurableAndCountsOnlyTheCallersOrganization() {
        dfns.close();
        dfns = new DfnsFixture(config -> config.withDfnsWebhookLimit(1));
        dfns.addWebhook(ORG_B);

        dfns.createWebhook("https://receiver.example/1", "[\"*\"]");
        String error = dfns.post("/webhooks", "{\"url\":\"https://receiver.example/2\",\"events\":[\"*\"]}").expectError(400);

        assertThat(error).contains("at most 1 webhooks");
        assertThat(stored(ORG_A)).hasSize(1);
    }

    @Test
    void concurrentCreatesNeverExceedTheLimit() throws Exception {
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = "{\"url\":\"https://receiver.example/" + i + "\",\"events\":[\"*\"]}";
            creates.add(() -> dfns.post("/webhooks", body).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(7);
        assertThat(stored(ORG_A)).hasSize(5);
    }

    // list

    @Test
    void listReturnsTheOrganizationsWebhooksInCreationOrderWithoutSecrets() {
        String first = dfns.createWebhook("https://receiver.example/1", "[\"*\"]").path("id").stringValue();
        String second = dfns.createWebhook("https://receiver.example/2", "[\"key.created\"]").path("id").stringValue();
        dfns.addWebhook(ORG_B);

        JsonNode list = dfns.get("/webhooks").expect(200, "webhook-list");

        assertThat(list.path("items").findValuesAsString("id")).containsExactly(first, second);
        assertThat(list.path("items").get(0).has("secret")).isFalse();
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void listOfAnOrganizationWithoutWebhooksIsEmpty() {
        JsonNode list = dfns.get("/webhooks").expect(200, "webhook-list");

        assertThat(list.path("items").isEmpty()).isTrue();
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void listPagesWithNextPageTokenUntilTheLastPage() {
        List<String> ids = Stream.of(1, 2, 3, 4, 5)
                .map(i -> dfns.createWebhook("https://receiver.example/" + i, "[\"*\"]").path("id").stringValue()).toList();

        JsonNode first = dfns.get("/webhooks?limit=2").expect(200, "webhook-list");
        JsonNode second = dfns.get("/webhooks?limit=2&paginationToken=" + first.path("nextPageToken").stringValue())
                .expect(200, "webhook-list");
        JsonNode last = dfns.get("/webhooks?limit=2&paginationToken=" + second.path("nextPageToken").stringValue())
                .expect(200, "webhook-list");

        assertThat(first.path("items").findValuesAsString("id")).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(second.path("items").findValuesAsString("id")).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(last.path("items").findValuesAsString("id")).containsExactlyElementsOf(ids.subList(4, 5));
        assertThat(last.has("nextPageToken")).isFalse();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastWebhookHasNoNextPageToken() {
        dfns.createWebhook("https://receiver.example/1", "[\"*\"]");
        dfns.createWebhook("https://receiver.example/2", "[\"*\"]");

        JsonNode list = dfns.get("/webhooks?limit=2").expect(200, "webhook-list");

        assertThat(list.path("items")).hasSize(2);
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void theSameTokenGivesTheSamePage() {
        for (int i = 0; i < 3; i++) {
            dfns.createWebhook("https://receiver.example/" + i, "[\"*\"]");
        }
        String token = dfns.get("/webhooks?limit=1").expect(200, "webhook-list").path("nextPageToken").stringValue();

        String once = dfns.get("/webhooks?limit=1&paginationToken=" + token).body();
        String twice = dfns.get("/webhooks?limit=1&paginationToken=" + token).expect(200, "webhook-list").toString();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void aTokenPastTheEndGivesAnEmptyLastPage() {
        dfns.createWebhook("https://receiver.example/1", "[\"*\"]");
        String second = dfns.createWebhook("https://receiver.example/2", "[\"*\"]").path("id").stringValue();
        String token = dfns.get("/webhooks?limit=1").expect(200, "webhook-list").path("nextPageToken").stringValue();
        dfns.delete("/webhooks/" + second).expect(200, "deleted");

        JsonNode page = dfns.get("/webhooks?limit=1&paginationToken=" + token).expect(200, "webhook-list");

        assertThat(page.path("items").isEmpty()).isTrue();
        assertThat(page.has("nextPageToken")).isFalse();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "101", "-1", "ten", "2.5"})
    void anOutOfRangeOrNonIntegerLimitIsA400NamingLimit(String limit) {
        String error = dfns.get("/webhooks?limit=" + limit).expectError(400);

        assertThat(error).startsWith("limit must be");
    }

    @Test
    void limitAcceptsItsBounds() {
        dfns.createWebhook("https://receiver.example/1", "[\"*\"]");

        assertThat(dfns.get("/webhooks?limit=1").expect(200, "webhook-list").path("items")).hasSize(1);
        assertThat(dfns.get("/webhooks?limit=100").expect(200, "webhook-list").path("items")).hasSize(1);
    }

    @ParameterizedTest(name = "paginationToken={0}")
    @ValueSource(strings = {"not*base64", "bm9wZQ", "d2ViaG9va3M6LTE", "d2ViaG9va3M6eA",
            "ZXZlbnRzOjIwMjYtMDMtMDFUMTI6MDA6MDBafHdoZS14"})
    void aGarbledPaginationTokenIsA400NamingIt(String token) {
        String error = dfns.get("/webhooks?paginationToken=" + token).expectError(400);

        assertThat(error).startsWith("paginationToken is not a token this list returned");
    }

    // get

    @Test
    void getReturnsTheWebhookWithoutItsSecret() {
        JsonNode created = dfns.createWebhook("https://receiver.example/dfns", "[\"policy.triggered\"]");
        String id = created.path("id").stringValue();

        JsonNode webhook = dfns.get("/webhooks/" + id).expect(200, "webhook");

        assertThat(webhook.has("secret")).isFalse();
        ((ObjectNode) created).remove("secret");
        assertThat(webhook).isEqualTo(created);
    }

    @Test
    void getOfAnUnknownWebhookIsA404() {
        String error = dfns.get("/webhooks/wh-aaaaa-bbbbb-cccccccccccccccc").expectError(404);

        assertThat(error).isEqualTo("Webhook wh-aaaaa-bbbbb-cccccccccccccccc not found");
    }

    @Test
    void getOfAnotherOrganizationsWebhookIsTheSame404() {
        Endpoint theirs = dfns.addWebhook(ORG_B);

        String error = dfns.get("/webhooks/" + theirs.id()).expectError(404);

        assertThat(error).isEqualTo("Webhook " + theirs.id() + " not found");
    }

    // update

    @Test
    void updateChangesEverySentFieldAndDateUpdated() {
        String id = dfns.createWebhook("https://receiver.example/old", "[\"*\"]").path("id").stringValue();
        dfns.clock.advance(Duration.ofMinutes(5).plusMillis(250));

        JsonNode updated = dfns.put("/webhooks/" + id, """
                {"url":"https://receiver.example/new","events":["wallet.signature.signed"],"status":"Disabled",
                 "description":"signatures only"}""").expect(200, "webhook");

        assertThat(updated.path("url").stringValue()).isEqualTo("https://receiver.example/new");
        assertThat(updated.path("events").toString()).isEqualTo("[\"wallet.signature.signed\"]");
        assertThat(updated.path("status").stringValue()).isEqualTo("Disabled");
        assertThat(updated.path("description").stringValue()).isEqualTo("signatures only");
        assertThat(updated.path("dateCreated").stringValue()).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(updated.path("dateUpdated").stringValue()).isEqualTo("2026-03-01T12:05:00.250Z");
        assertThat(dfns.get("/webhooks/" + id).expect(200, "webhook")).isEqualTo(updated);
    }

    @Test
    void updateOfOneFieldKeepsTheOthers() {
        String id = dfns.post("/webhooks", """
                {"url":"https://receiver.example/dfns","events":["key.created"],"description":"keys"}""")
                .expect(200, "webhook-created").path("id").stringValue();

        JsonNode updated = dfns.put("/webhooks/" + id, "{\"status\":\"Disabled\"}").expect(200, "webhook");

        assertThat(updated.path("status").stringValue()).isEqualTo("Disabled");
        assertThat(updated.path("url").stringValue()).isEqualTo("https://receiver.example/dfns");
        assertThat(updated.path("events").toString()).isEqualTo("[\"key.created\"]");
        assertThat(updated.path("description").stringValue()).isEqualTo("keys");
    }

    @Test
    void updateWithANullDescriptionRemovesIt() {
        String id = dfns.post("/webhooks", """
                {"url":"https://receiver.example/dfns","events":["*"],"description":"temporary"}""")
                .expect(200, "webhook-created").path("id").stringValue();

        JsonNode updated = dfns.put("/webhooks/" + id, "{\"description\":null}").expect(200, "webhook");

        assertThat(updated.has("description")).isFalse();
    }

    @Test
    void updateCanEnableADisabledWebhook() {
        String id = dfns.post("/webhooks", "{\"url\":\"https://receiver.example\",\"events\":[\"*\"],\"status\":\"Disabled\"}")
                .expect(200, "webhook-created").path("id").stringValue();

        JsonNode updated = dfns.put("/webhooks/" + id, "{\"status\":\"Enabled\"}").expect(200, "webhook");

        assertThat(updated.path("status").stringValue()).isEqualTo("Enabled");
        assertThat(dfns.store().endpoint(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        String id = dfns.createWebhook("https://receiver.example/dfns", "[\"*\"]").path("id").stringValue();
        String before = dfns.get("/webhooks/" + id).body();
        dfns.clock.advance(Duration.ofHours(1));

        JsonNode updated = dfns.put("/webhooks/" + id, "{}").expect(200, "webhook");

        assertThat(updated.toString()).isEqualTo(before);
    }

    static Stream<Arguments> invalidUpdateBodies() {
        return Stream.of(
                Arguments.of("{\"url\":\"mailto:ops@example.com\"}", "url must be an absolute http or https URL"),
                Arguments.of("{\"url\":[\"https://receiver.example\"]}", "url must be a string"),
                Arguments.of("{\"events\":[]}", "events must not be empty"),
                Arguments.of("{\"events\":{\"kind\":\"wallet.created\"}}", "events must be an array"),
                Arguments.of("{\"events\":[\"wallet.created\",\"Wallet.Created\"]}", "events contains an unknown kind 'Wallet.Created'"),
                Arguments.of("{\"events\":[\"wallet.created\",\"*\"]}", "events is either [\"*\"] alone"),
                Arguments.of("{\"status\":\"enabled\"}", "status must be Enabled or Disabled"),
                Arguments.of("{\"status\":null}", "status must be Enabled or Disabled"),
                Arguments.of("{\"description\":[\"x\"]}", "description must be a string"),
                Arguments.of("{\"name\":\"x\"}", "name is not a webhook field"),
                Arguments.of("{\"url\":\"https://receiver.example/new\",\"status\":\"Off\"}", "status must be Enabled or Disabled"),
                Arguments.of("{\"url\"", "the request body is not valid JSON"),
                Arguments.of("", "the request body is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdateBodies")
    void anInvalidUpdateIsA400NamingTheFieldAndChangesNothing(String body, String message) {
        String id = dfns.createWebhook("https://receiver.example/dfns", "[\"*\"]").path("id").stringValue();
        Endpoint before = dfns.store().endpoint(id).orElseThrow();
        dfns.clock.advance(Duration.ofMinutes(1));

        String error = dfns.put("/webhooks/" + id, body).expectError(400);

        assertThat(error).contains(message);
        assertThat(dfns.store().endpoint(id)).contains(before);
    }

    @Test
    void updateOfAnUnknownWebhookIsA404() {
        String error = dfns.put("/webhooks/wh-aaaaa-bbbbb-cccccccccccccccc", "{\"status\":\"Disabled\"}").expectError(404);

        assertThat(error).isEqualTo("Webhook wh-aaaaa-bbbbb-cccccccccccccccc not found");
    }

    @Test
    void updateOfAnotherOrganizationsWebhookIsA404AndChangesNothing() {
        Endpoint theirs = dfns.addWebhook(ORG_B);

        String error = dfns.put("/webhooks/" + theirs.id(), "{\"status\":\"Disabled\"}").expectError(404);

        assertThat(error).isEqualTo("Webhook " + theirs.id() + " not found");
        assertThat(dfns.store().endpoint(theirs.id())).contains(theirs);
    }

    // delete

    @Test
    void deleteRemovesTheWebhook() {
        String id = dfns.createWebhook("https://receiver.example/dfns", "[\"*\"]").path("id").stringValue();

        JsonNode deleted = dfns.delete("/webhooks/" + id).expect(200, "deleted");

        assertThat(deleted.path("deleted").booleanValue()).isTrue();
        assertThat(dfns.get("/webhooks/" + id).expectError(404)).isEqualTo("Webhook " + id + " not found");
        assertThat(dfns.get("/webhooks").expect(200, "webhook-list").path("items").isEmpty()).isTrue();
    }

    @Test
    void deletingTwiceIsA404TheSecondTime() {
        String id = dfns.createWebhook("https://receiver.example/dfns", "[\"*\"]").path("id").stringValue();
        dfns.delete("/webhooks/" + id).expect(200, "deleted");

        assertThat(dfns.delete("/webhooks/" + id).expectError(404)).isEqualTo("Webhook " + id + " not found");
    }

    @Test
    void deleteOfAnotherOrganizationsWebhookIsA404AndKeepsIt() {
        Endpoint theirs = dfns.addWebhook(ORG_B);

        String error = dfns.delete("/webhooks/" + theirs.id()).expectError(404);

        assertThat(error).isEqualTo("Webhook " + theirs.id() + " not found");
        assertThat(dfns.store().endpoint(theirs.id())).contains(theirs);
    }

    @Test
    void deletingFreesAPlaceUnderTheLimit() {
        String first = null;
        for (int i = 0; i < 5; i++) {
            String id = dfns.createWebhook("https://receiver.example/" + i, "[\"*\"]").path("id").stringValue();
            first = first == null ? id : first;
        }
        dfns.delete("/webhooks/" + first).expect(200, "deleted");

        dfns.createWebhook("https://receiver.example/again", "[\"*\"]");

        assertThat(stored(ORG_A)).hasSize(5);
    }
}
