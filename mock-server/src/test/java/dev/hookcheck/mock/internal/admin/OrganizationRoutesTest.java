package dev.hookcheck.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrganizationRoutesTest {
    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void listsTheOrganizationsOfEveryProfile() {
        admin.organization("org_list_v", "vitable");
        admin.organization("or-list-d", "dfns");

        JsonNode list = admin.get("/__admin/organizations").expect(200, "organization-list");

        assertThat(list.get("organizations").valueStream().map(o -> o.get("id").stringValue()))
                .contains("org_list_v", "or-list-d");
        assertThat(list.get("organizations").valueStream().filter(o -> o.get("id").stringValue().equals("org_list_v")))
                .singleElement().satisfies(o -> {
                    assertThat(o.get("profile").stringValue()).isEqualTo("vitable");
                    assertThat(o.get("name").stringValue()).isEqualTo("Test org_list_v");
                });
    }

    @Test
    void theProfileFilterKeepsOnlyThatProfile() {
        admin.organization("org_only_v", "vitable");
        admin.organization("or-not-d", "dfns");

        JsonNode list = admin.get("/__admin/organizations?profile=vitable").expect(200, "organization-list");

        assertThat(list.get("organizations").valueStream().map(o -> o.get("profile").stringValue())).containsOnly("vitable");
        assertThat(list.get("organizations").valueStream().map(o -> o.get("id").stringValue()))
                .contains("org_only_v").doesNotContain("or-not-d");
    }

    @Test
    void anUnknownProfileIsRefused() {
        String title = admin.get("/__admin/organizations?profile=acme").expectInvalid("profile");

        assertThat(title).contains("'acme'").contains("vitable");
    }
}
