package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PreoWebhookListTest extends PreoApiTestBase {
    // created oldest → newest: 1, 2, 3, 4; modified: 3 most recently, then 1, 4, 2
    private static final String E1 = guid(1);
    private static final String E2 = guid(2);
    private static final String E3 = guid(3);
    private static final String E4 = guid(4);

    @BeforeEach
    void endpoints() {
        putEndpoint(E1, ORG_A, "Charlie", "ed-1", true, NOW.minusSeconds(400), NOW.minusSeconds(20));
        putEndpoint(E2, ORG_A, "alpha", "ed-1", false, NOW.minusSeconds(300), NOW.minusSeconds(300));
        putEndpoint(E3, ORG_A, "Bravo", "ed-2", true, NOW.minusSeconds(200), NOW.minusSeconds(10));
        putEndpoint(E4, ORG_A, "Delta", null, true, NOW.minusSeconds(100), NOW.minusSeconds(50));
        putEndpoint(guid(9), ORG_B, "Other org", "ed-1", true, NOW.minusSeconds(50), NOW.minusSeconds(50));
    }

    private List<String> listIds(String query) {
        return ids(assertEndpointList(get(WEBHOOKS + query)));
    }

    @Test
    void theListHoldsTheCallersEndpointsNewestFirst() {
        JsonNode list = assertEndpointList(get(WEBHOOKS));

        assertThat(list.get("count").intValue()).isEqualTo(4);
        assertThat(ids(list)).containsExactly(E4, E3, E2, E1);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(list.get("previous").isNull()).isTrue();
    }

    @Test
    void anotherOrganizationSeesOnlyItsOwn() {
        assertThat(ids(assertEndpointList(send("GET", WEBHOOKS, null, "Bearer " + KEY_B)))).containsExactly(guid(9));
    }

    @Test
    void anEndpointIsShownWithEveryFieldButItsSecret() {
        JsonNode first = assertEndpointList(get(WEBHOOKS + "?ordering=created")).get("results").get(0);

        assertThat(first.toString()).isEqualTo(("{\"id\":\"%s\",\"organization_id\":\"%s\",\"name\":\"Charlie\","
                + "\"url\":\"https://receiver.example/hooks/%s\",\"edition_id\":\"ed-1\","
                + "\"events\":[\"order.created\",\"pass.issued\"],\"created\":\"2026-03-01T11:53:20Z\","
                + "\"modified\":\"2026-03-01T11:59:40Z\",\"is_active\":true,\"timeout_seconds\":15}")
                .formatted(E1, ORG_A, E1));
    }

    @ParameterizedTest(name = "ordering={0}")
    @CsvSource({
            "created,   1 2 3 4",
            "-created,  4 3 2 1",
            "modified,  2 4 1 3",
            "-modified, 3 1 4 2",
            "name,      3 1 4 2",
            "-name,     2 4 1 3",
            "'-name,created', 2 4 1 3",
    })
    void eachOrderingSortsTheList(String ordering, String expected) {
        List<String> order = new ArrayList<>();
        for (String n : expected.split(" ")) {
            order.add(guid(Integer.parseInt(n)));
        }
        assertThat(listIds("?ordering=" + ordering)).containsExactlyElementsOf(order);
    }

    @Test
    void endpointsCreatedAtTheSameInstantHaveAStableOrder() {
        putEndpoint(guid(7), ORG_A, "Same", null, true, NOW, NOW);
        putEndpoint(guid(6), ORG_A, "Same", null, true, NOW, NOW);

        assertThat(listIds("?ordering=-created").subList(0, 2)).containsExactly(guid(6), guid(7));
        assertThat(listIds("?ordering=-created&page_size=1")).containsExactly(guid(6));
        assertThat(listIds("?ordering=-created&page_size=1&page=2")).containsExactly(guid(7));
    }

    @Test
    void anUnknownOrderingFieldIsA400() {
        JsonNode errors = assertFieldErrors(get(WEBHOOKS + "?ordering=url"), "ordering");

        assertThat(messages(errors, "ordering")).containsExactly(
                "Unknown ordering field \"url\"; use one of created, -created, modified, -modified, name, -name.");
    }

    @Test
    void theEditionFilterKeepsThatEditionsEndpoints() {
        assertThat(listIds("?edition_id=ed-1")).containsExactly(E2, E1);
    }

    @Test
    void anUnknownEditionGivesAnEmptyList() {
        JsonNode list = assertEndpointList(get(WEBHOOKS + "?edition_id=nope"));

        assertThat(list.get("count").intValue()).isZero();
        assertThat(list.get("results")).isEmpty();
    }

    @Test
    void isActiveTrueKeepsActiveEndpoints() {
        assertThat(listIds("?is_active=true")).containsExactly(E4, E3, E1);
    }

    @Test
    void isActiveFalseKeepsInactiveEndpoints() {
        assertThat(listIds("?is_active=false")).containsExactly(E2);
    }

    @Test
    void isActiveIsReadInAnyCaseAsDjangoFilterDoes() {
        assertThat(listIds("?is_active=False")).containsExactly(E2);
    }

    @Test
    void anIsActiveOtherThanTrueOrFalseIsA400() {
        JsonNode errors = assertFieldErrors(get(WEBHOOKS + "?is_active=yes"), "is_active");

        assertThat(messages(errors, "is_active")).containsExactly("Must be true or false, got \"yes\".");
    }

    @Test
    void theOrganizationFilterWithTheCallersOrganizationKeepsEverything() {
        assertThat(listIds("?organization_id=" + ORG_A)).containsExactly(E4, E3, E2, E1);
    }

    @Test
    void theOrganizationFilterWithAnotherOrganizationGivesNothing() {
        assertThat(listIds("?organization_id=" + ORG_B)).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(listIds("?edition_id=ed-1&is_active=true&organization_id=" + ORG_A + "&ordering=name"))
                .containsExactly(E1);
    }

    @Test
    void anEmptyParameterDoesNotFilter() {
        assertThat(listIds("?is_active=&edition_id=")).containsExactly(E4, E3, E2, E1);
    }

    @Test
    void theFirstPageLinksToTheNextWithAnAbsoluteUrlKeepingEveryOtherParameter() {
        JsonNode list = assertEndpointList(get(WEBHOOKS + "?page_size=2&ordering=created&is_active=true"));

        assertThat(list.get("count").intValue()).isEqualTo(3);
        assertThat(ids(list)).containsExactly(E1, E3);
        assertThat(list.get("next").stringValue()).isEqualTo(server.baseUrl() + WEBHOOKS
                + "?is_active=true&ordering=created&page=2&page_size=2");
        assertThat(list.get("previous").isNull()).isTrue();
    }

    @Test
    void theLastPageHasNoNextAndItsPreviousLinkDropsThePageParameter() {
        JsonNode list = assertEndpointList(get(WEBHOOKS + "?page=2&page_size=2&ordering=created"));

        assertThat(ids(list)).containsExactly(E3, E4);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(list.get("previous").stringValue()).isEqualTo(server.baseUrl() + WEBHOOKS
                + "?ordering=created&page_size=2");
    }

    @Test
    void aMiddlePageLinksBothWays() {
        JsonNode list = assertEndpointList(get(WEBHOOKS + "?page=3&page_size=1&ordering=created"));

        assertThat(ids(list)).containsExactly(E3);
        assertThat(list.get("next").stringValue()).endsWith("?ordering=created&page=4&page_size=1");
        assertThat(list.get("previous").stringValue()).endsWith("?ordering=created&page=2&page_size=1");
    }

    @Test
    void theLinksKeepThePathAsRequestedWithoutItsTrailingSlash() {
        JsonNode list = assertEndpointList(get("/api/management/webhooks?page_size=3"));

        assertThat(list.get("next").stringValue()).isEqualTo(server.baseUrl() + "/api/management/webhooks?page=2&page_size=3");
    }

    @Test
    void theLinksEncodeParameterValues() {
        putEndpoint(guid(5), ORG_A, "Echo", "ed 1&2", true, NOW, NOW);
        putEndpoint(guid(6), ORG_A, "Foxtrot", "ed 1&2", true, NOW, NOW);

        JsonNode list = assertEndpointList(get(WEBHOOKS + "?edition_id=ed%201%262&page_size=1"));

        assertThat(list.get("count").intValue()).isEqualTo(2);
        assertThat(list.get("next").stringValue()).endsWith("?edition_id=ed+1%262&page=2&page_size=1");
    }

    @Test
    void followingNextLinksVisitsEveryEndpointOnce() {
        List<String> seen = new ArrayList<>();
        JsonNode page = assertEndpointList(get(WEBHOOKS + "?page_size=3"));
        seen.addAll(ids(page));
        while (!page.get("next").isNull()) {
            page = assertEndpointList(get(URI.create(page.get("next").stringValue())));
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactly(E4, E3, E2, E1);
    }

    @Test
    void aLinkCanBeFollowedAgainAndGivesTheSamePage() {
        URI next = URI.create(assertEndpointList(get(WEBHOOKS + "?page_size=3")).get("next").stringValue());

        assertThat(ids(assertEndpointList(get(next)))).containsExactly(E1);
        assertThat(ids(assertEndpointList(get(next)))).containsExactly(E1);
    }

    @Test
    void aPagePastTheEndIsDrfsInvalidPage() {
        assertDetail(get(WEBHOOKS + "?page=3&page_size=2"), 404, "Invalid page.");
    }

    @Test
    void aPageNumberTooLargeForAnyListIsAnInvalidPage() {
        assertDetail(get(WEBHOOKS + "?page=99999999999999999999"), 404, "Invalid page.");
    }

    @Test
    void theFirstPageOfAnEmptyListIsEmpty() {
        JsonNode list = assertEndpointList(get(WEBHOOKS + "?edition_id=none"));

        assertThat(list.toString()).isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
    }

    @Test
    void theSecondPageOfAnEmptyListIsInvalid() {
        assertDetail(get(WEBHOOKS + "?edition_id=none&page=2"), 404, "Invalid page.");
    }

    @Test
    void aPageSizeOf1000IsAccepted() {
        assertThat(assertEndpointList(get(WEBHOOKS + "?page_size=1000")).get("count").intValue()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page=0         | page      | Ensure this value is greater than or equal to 1.",
            "page=-1        | page      | Ensure this value is greater than or equal to 1.",
            "page=two       | page      | A valid integer is required.",
            "page_size=0    | page_size | Ensure this value is greater than or equal to 1.",
            "page_size=1001 | page_size | Ensure this value is less than or equal to 1000.",
            "page_size=1.5  | page_size | A valid integer is required.",
    })
    void aBadPageNumberOrSizeIsA400NamingTheParameter(String query, String field, String message) {
        JsonNode errors = assertFieldErrors(get(WEBHOOKS + "?" + query), field);

        assertThat(messages(errors, field)).containsExactly(message);
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertFieldErrors(get(WEBHOOKS + "?is_active=maybe&ordering=colour&page=0&page_size=5000"),
                "is_active", "ordering", "page", "page_size");
    }
}
