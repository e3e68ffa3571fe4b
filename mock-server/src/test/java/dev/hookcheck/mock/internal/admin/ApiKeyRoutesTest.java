package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyRoutesTest {
    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    /** A list's entry shows its key's last characters only. */
    private static String hintOf(JsonNode item) {
        return item.get("keyHint").stringValue();
    }

    /** A create answer shows the key whole. */
    private static String keyOf(JsonNode created) {
        return created.get("key").stringValue();
    }

    @Test
    void listsEveryKeyWithTheOrganizationItOpensPerProfile() {
        admin.organization("org_keys_v", "vitable");
        admin.organization("org_keys_s", "standard");
        admin.store().addApiKey("shared-key-0042", "vitable", "org_keys_v");
        admin.store().addApiKey("shared-key-0042", "standard", "org_keys_s");

        JsonNode list = admin.get("/__admin/api-keys").expect(200, "api-key-list");

        assertThat(list.get("apiKeys").valueStream().filter(k -> hintOf(k).equals("…0042"))
                .map(k -> k.get("profile").stringValue() + "/" + k.get("organizationId").stringValue()))
                .containsExactlyInAnyOrder("vitable/org_keys_v", "standard/org_keys_s");
    }

    @Test
    void theProfileFilterKeepsOnlyThatProfile() {
        admin.organization("org_keys_v", "vitable");
        admin.organization("org_keys_s", "standard");
        admin.store().addApiKey("vitable-key-0001", "vitable", "org_keys_v");
        admin.store().addApiKey("standard-key-0002", "standard", "org_keys_s");

        JsonNode list = admin.get("/__admin/api-keys?profile=vitable").expect(200, "api-key-list");

        assertThat(list.get("apiKeys").valueStream().map(k -> k.get("profile").stringValue())).containsOnly("vitable");
        assertThat(list.get("apiKeys").valueStream().map(ApiKeyRoutesTest::hintOf))
                .contains("…0001").doesNotContain("…0002");
    }

    @Test
    void aListNeverShowsAWholeKey() {
        admin.organization("org_keys_v", "vitable");
        admin.store().addApiKey("hk_vitable_secretish_key_value", "vitable", "org_keys_v");
        admin.store().addApiKey("short", "vitable", "org_keys_v");

        String list = admin.get("/__admin/api-keys?profile=vitable").expect(200, "api-key-list").toString();

        assertThat(list).doesNotContain("hk_vitable_secretish", "short").contains("\"…alue\"", "\"…\"");
    }

    @Test
    void anUnknownProfileFilterIsRefused() {
        admin.get("/__admin/api-keys?profile=acme").expectInvalid("profile");
    }

    @Test
    void createsAGeneratedKeyForTheProfilesFirstOrganization() {
        admin.organization("org_keys_v", "vitable");

        JsonNode created = admin.post("/__admin/api-keys", valid("api-key-create", "{\"profile\":\"vitable\"}"))
                .expect(201, "api-key");

        String first = admin.store().organizations("vitable").get(0).id();
        assertThat(keyOf(created)).matches("hk_vitable_[A-Za-z0-9]{24}");
        assertThat(created.get("profile").stringValue()).isEqualTo("vitable");
        assertThat(created.get("organizationId").stringValue()).isEqualTo(first);
        assertThat(admin.store().organizationOfKey(keyOf(created), "vitable")).contains(first);
    }

    @Test
    void createsAGivenKeyForAGivenOrganization() {
        admin.organization("org_keys_a", "dfns");
        admin.organization("org_keys_b", "dfns");

        JsonNode created = admin.post("/__admin/api-keys",
                valid("api-key-create", "{\"profile\":\"dfns\",\"organizationId\":\"org_keys_b\",\"key\":\"my-dfns-token\"}"))
                .expect(201, "api-key");

        assertThat(keyOf(created)).isEqualTo("my-dfns-token");
        assertThat(created.get("organizationId").stringValue()).isEqualTo("org_keys_b");
        assertThat(admin.store().organizationOfKey("my-dfns-token", "dfns")).contains("org_keys_b");
    }

    @Test
    void theSameKeyMayOpenAnOrganizationOfAnotherProfile() {
        admin.organization("org_keys_v", "vitable");
        admin.organization("org_keys_p", "preo");
        admin.store().addApiKey("one-key", "vitable", "org_keys_v");

        admin.post("/__admin/api-keys", "{\"profile\":\"preo\",\"organizationId\":\"org_keys_p\",\"key\":\"one-key\"}")
                .expect(201, "api-key");

        assertThat(admin.store().apiKeys().get("one-key")).isEqualTo(Map.of("vitable", "org_keys_v", "preo", "org_keys_p"));
    }

    @Test
    void aKeyThatAlreadyOpensAnOrganizationOfTheProfileIsAConflictAndChangesNothing() {
        admin.organization("org_keys_a", "vitable");
        admin.organization("org_keys_b", "vitable");
        admin.store().addApiKey("taken", "vitable", "org_keys_a");

        String title = admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"organizationId\":\"org_keys_b\",\"key\":\"taken\"}")
                .expectError(409, "conflict", "key");

        assertThat(title).contains("'taken'");
        assertThat(admin.store().organizationOfKey("taken", "vitable")).contains("org_keys_a");
    }

    @Test
    void theProfileIsRequired() {
        String title = admin.post("/__admin/api-keys", "{\"key\":\"k\"}").expectInvalid("profile");

        assertThat(title).isEqualTo("profile is required");
    }

    @Test
    void anUnknownProfileIsRefused() {
        admin.post("/__admin/api-keys", "{\"profile\":\"acme\"}").expectInvalid("profile");
    }

    @Test
    void anUnknownOrganizationIsRefused() {
        admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"organizationId\":\"org_nope\",\"key\":\"k1\"}")
                .expectInvalid("organizationId");

        assertThat(admin.store().apiKeys()).doesNotContainKey("k1");
    }

    @Test
    void anOrganizationOfAnotherProfileIsRefused() {
        admin.organization("org_keys_s", "standard");

        String title = admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"organizationId\":\"org_keys_s\",\"key\":\"k1\"}")
                .expectInvalid("organizationId");

        assertThat(title).contains("belongs to profile 'standard'");
        assertThat(admin.store().apiKeys()).doesNotContainKey("k1");
    }

    @Test
    void aKeyWithWhitespaceIsRefused() {
        admin.organization("org_keys_v", "vitable");

        admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"key\":\"two words\"}").expectInvalid("key");

        assertThat(admin.store().apiKeys()).doesNotContainKey("two words");
    }

    @Test
    void anEmptyKeyIsRefused() {
        admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"key\":\"\"}").expectInvalid("key");
    }

    @Test
    void aKeyThatIsNotAStringIsRefused() {
        String title = admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"key\":42}").expectInvalid("key");

        assertThat(title).isEqualTo("key must be a string, got the number 42");
    }

    @Test
    void aProfileThatIsNotAStringIsRefused() {
        admin.post("/__admin/api-keys", "{\"profile\":[\"vitable\"]}").expectInvalid("profile");
    }

    @Test
    void anUnknownFieldIsRefused() {
        String title = admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"organisationId\":\"org_x\"}")
                .expectInvalid("organisationId");

        assertThat(title).contains("unknown field").contains("organizationId");
    }

    @Test
    void malformedJsonIsRefused() {
        admin.post("/__admin/api-keys", "{\"profile\":").expectError(400, "invalid_json", null);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        admin.post("/__admin/api-keys", "[\"vitable\"]").expectError(400, "invalid_json", null);
    }

    @Test
    void anEmptyBodyIsRefused() {
        admin.post("/__admin/api-keys", null).expectError(400, "invalid_json", null);
    }
}
