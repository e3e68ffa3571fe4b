package dev.hookcheck.mock.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files over HTTP: served from the server itself, nothing loaded from elsewhere. */
class DashboardRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsAtTheRootWithAPolicyThatAllowsOnlyThisServer() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.POLICY);
        assertThat(page.body()).contains("<title>Hookcheck sandbox</title>", "/dashboard/app.js", "/dashboard/app.css");
    }

    @Test
    void everyFileThePageNamesIsServedAndNoneComesFromElsewhere() throws Exception {
        String page = get("/").body();
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(page);
        int checked = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            assertThat(ref).as("a reference in the page").doesNotStartWith("http").doesNotStartWith("//");
            if (ref.startsWith("/dashboard/")) {
                HttpResponse<String> asset = get(ref);
                assertThat(asset.statusCode()).as(ref).isEqualTo(200);
                assertThat(asset.body()).as(ref).doesNotContain("https://", "http://cdn", "fonts.googleapis");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
        assertThat(get("/dashboard/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(get("/dashboard/app.css").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void anUnknownDashboardFileIsA404InTheAdminShape() throws Exception {
        HttpResponse<String> unknown = get("/dashboard/secrets.json");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"errors\"", "no dashboard file 'secrets.json'; the dashboard is at /");
    }
}
