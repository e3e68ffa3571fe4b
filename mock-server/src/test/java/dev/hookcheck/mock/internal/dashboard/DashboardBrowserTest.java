package dev.hookcheck.mock.internal.dashboard;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end: the real server (virtual clock, stopped), a real receiver, Debian's
 * headless Chromium. What the page shows is checked against what the receiver got and against
 * core's signature scheme. One browser serves the whole class; each test picks its profile first.
 */
class DashboardBrowserTest {
    static final Instant START = Instant.parse("2026-04-01T12:00:00Z");

    private static MockServer server;
    private static RecordingReceiver receiver;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        receiver = new RecordingReceiver();
        server = MockServer.create(MockServerConfig.defaults().withClock(VirtualClock.stopped(START))).start();
        // the seeded endpoints point at hosts that do not exist: new events go to our receiver only
        for (String profile : List.of("standard", "stripe")) {
            for (Endpoint e : Internals.of(server).store().endpointsOfProfile(profile)) {
                Internals.of(server).store().updateEndpoint(e.id(), x -> x.withEnabled(false, "not in this test", START));
            }
        }
        for (Endpoint e : Internals.of(server).store().endpointsOfProfile("github")) {
            Internals.of(server).store().deleteEndpoint(e.id());
        }
        driver = Browser.start();
        wait = Browser.waitFor(driver);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void triggerRetryAndRotateAsTheUserSeesIt() throws Exception {
        open("#/endpoints", "Endpoints");
        useProfile("standard");

        // register the receiver: its secret is shown once
        type(By.id("endpoint-url"), receiver.url());
        click(By.id("add-endpoint"));
        String oldSecret = secretShownOnce("secret-dialog");
        assertThat(oldSecret).startsWith("whsec_");
        wait.until(d -> rowContaining("table.endpoints tbody tr", receiver.url()) != null);
        assertThat(driver.getPageSource()).doesNotContain(oldSecret);

        // lose the first acknowledgement of every delivery to it
        open("#/failures", "Failure injection");
        wait.until(d -> new Select(d.findElement(By.id("rule-endpoint"))).getOptions().size() > 1);
        new Select(driver.findElement(By.id("rule-endpoint"))).selectByVisibleText(receiver.url());
        new Select(driver.findElement(By.id("rule-mode"))).selectByValue("lost_ack");
        type(By.id("rule-attempts"), "1");
        click(By.id("add-rule"));
        wait.until(d -> ruleSwitch().isSelected());

        // trigger an event in the UI; its delivery appears with its signature header
        open("#/events", "Events");
        String eventId = sendEvent("invoice.paid");
        open("#/deliveries", "Deliveries");
        assertThat(textOf(By.cssSelector("table.deliveries tbody tr"))).contains("invoice.paid", receiver.url());
        Browser.screenshot(driver, "deliveries");

        open("#/events/" + eventId, "Event " + eventId);
        click(By.cssSelector("table.deliveries a.row-link"));
        wait.until(visibilityOfElementLocated(By.cssSelector("li[data-attempt='1']")));
        assertThat(textOf(By.cssSelector("li[data-attempt='1']"))).contains("HTTP 200 · counted as failed", "injected: lost_ack");
        assertThat(textOf(By.cssSelector("#timeline .next-attempt"))).contains("Next attempt scheduled");
        assertThat(status()).isEqualTo("retrying");

        Map<String, String> headers = requestHeaders(1);
        String body = requestBody(1);
        assertThat(headers).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(textOf(By.cssSelector("li[data-attempt='1'] tr.signature th"))).isEqualTo("webhook-signature");
        assertThat(receiver.bodies()).contains(body);
        assertThat(verify(headers, body, oldSecret)).isInstanceOf(Verification.Verified.class);

        // the retry falls due when the clock is advanced to it; the timeline shows both attempts
        click(By.id("run-next"));
        wait.until(d -> d.findElement(By.cssSelector("li[data-attempt='2']")).getText().contains("HTTP 200 · accepted"));
        wait.until(d -> status().equals("delivered"));
        assertThat(driver.findElements(By.cssSelector("#timeline > li[data-attempt]"))).hasSize(2);
        click(By.cssSelector("li[data-attempt='1'] details[data-key^='response-'] > summary"));
        click(By.cssSelector("li[data-attempt='2'] details[data-key^='request-'] > summary"));
        Browser.screenshot(driver, "delivery-timeline", 1280, 1240);

        // switch the rule off again
        open("#/failures", "Failure injection");
        wait.until(d -> {
            new Actions(d).moveToElement(ruleSwitch()).click().perform();
            return true;
        });
        wait.until(d -> !ruleSwitch().isSelected());
        Browser.screenshot(driver, "failures");

        // rotate the secret (no overlap): shown once, and the next delivery is signed with it alone
        open("#/endpoints", "Endpoints");
        // the live refresh may redraw the table between finding the row and clicking: retry on a stale row
        wait.until(d -> {
            WebElement row = rowContaining("table.endpoints tbody tr", receiver.url());
            if (row == null) {
                return false;
            }
            row.findElement(By.cssSelector("button[data-key^='rotate-']")).click();
            return true;
        });
        type(By.id("rotate-overlap"), "0");
        click(By.id("rotate-confirm"));
        String newSecret = secretShownOnce(null);
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(driver.getPageSource()).doesNotContain(newSecret).doesNotContain(oldSecret);
        Browser.screenshot(driver, "endpoints");

        open("#/events", "Events");
        String nextEventId = sendEvent("invoice.paid");
        Browser.screenshot(driver, "events");
        open("#/events/" + nextEventId, "Event " + nextEventId);
        click(By.cssSelector("table.deliveries a.row-link"));
        wait.until(d -> d.findElement(By.cssSelector("li[data-attempt='1']")).getText().contains("HTTP 200 · accepted"));
        Map<String, String> rotatedHeaders = requestHeaders(1);
        String rotatedBody = requestBody(1);
        assertThat(rotatedHeaders.get("webhook-signature")).isNotEqualTo(headers.get("webhook-signature"));
        assertThat(receiver.bodies()).contains(rotatedBody);
        assertThat(verify(rotatedHeaders, rotatedBody, newSecret)).isInstanceOf(Verification.Verified.class);
        assertThat(verify(rotatedHeaders, rotatedBody, oldSecret)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void newDeliveriesAppearWithoutAReloadAndAreAnnounced() throws Exception {
        String endpoint = admin("POST", "/__admin/endpoints", "{\"profile\":\"stripe\",\"url\":\"" + receiver.url() + "\"}");
        assertThat(endpoint).contains("\"enabled\":true");
        open("#/deliveries", "Deliveries");
        useProfile("stripe");
        wait.until(d -> !d.findElements(By.cssSelector("table.deliveries tbody tr")).isEmpty());
        String before = driver.findElement(By.cssSelector("table.deliveries tbody tr")).getDomAttribute("data-delivery");

        admin("POST", "/__admin/events", "{\"profile\":\"stripe\",\"type\":\"invoice.paid\"}");

        wait.until(d -> !d.findElement(By.cssSelector("table.deliveries tbody tr")).getDomAttribute("data-delivery").equals(before));
        assertThat(textOf(By.cssSelector("table.deliveries tbody tr"))).contains("invoice.paid", receiver.url());
        wait.until(d -> d.findElement(By.id("announcer")).getText().contains("new deliver"));
    }

    @Test
    void keyboardLabelsEmptyStatesAndErrorsInPlainWords() {
        open("#/deliveries", "Deliveries");
        useProfile("standard");
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector("#view[data-profile='standard'][data-loaded]")).isEmpty());

        // the keyboard alone: skip link first, then the sections
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        for (int i = 0; i < 12 && !driver.switchTo().activeElement().getText().equals("Events"); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-section")).isEqualTo("events");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Events"));

        // every control of every view has a label
        for (String[] view : List.of(new String[] {"#/deliveries", "Deliveries"}, new String[] {"#/events", "Events"},
                new String[] {"#/endpoints", "Endpoints"}, new String[] {"#/failures", "Failure injection"},
                new String[] {"#/clock", "Clock"})) {
            open(view[0], view[1]);
            Object unlabelled = driver.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                    + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                    + ".map(e => e.outerHTML);");
            assertThat((List<?>) unlabelled).as("controls without a label on %s", view[0]).isEmpty();
        }

        // an organization without endpoints says what to do next
        open("#/endpoints", "Endpoints");
        useProfile("github");
        WebElement empty = wait.until(visibilityOfElementLocated(By.cssSelector(".empty")));
        assertThat(empty.getText()).contains("No endpoints yet", "Register a receiver", "/__admin/endpoints");

        // the admin API's refusal, in plain words, at the field it names
        type(By.id("endpoint-url"), "ftp://files.example/hooks");
        click(By.id("add-endpoint"));
        WebElement alert = wait.until(visibilityOfElementLocated(By.id("alert")));
        assertThat(alert.getText()).contains("url must be an absolute http or https URL such as https://example.com/webhooks");
        assertThat(driver.findElement(By.id("endpoint-url")).getDomAttribute("aria-invalid")).isEqualTo("true");
        useProfile("standard");
    }

    @Test
    void withAnAdminTokenThePageAsksForItOnceAndKeepsItForTheTab() {
        String token = "dashboard-test-token";
        try (MockServer guarded = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(5)
                .withAdminToken(token).withClock(VirtualClock.stopped(START))).start()) {
            driver.navigate().to(guarded.baseUrl() + "/#/deliveries");
            WebElement field = wait.until(visibilityOfElementLocated(By.id("admin-token")));
            assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("This sandbox needs its admin token");
            Browser.screenshot(driver, "admin-token");

            // a wrong token: the server's words, and the question again
            field.sendKeys("not-the-token");
            click(By.id("admin-token-submit"));
            WebElement alert = wait.until(visibilityOfElementLocated(By.id("alert")));
            assertThat(alert.getText()).contains("the admin token is wrong");
            wait.until(visibilityOfElementLocated(By.id("admin-token")));

            // the right one opens the sandbox, and a reload in the same tab does not ask again
            type(By.id("admin-token"), token);
            click(By.id("admin-token-submit"));
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Deliveries")
                    && !d.findElements(By.cssSelector("#view[data-loaded]")).isEmpty());
            driver.navigate().refresh();
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Deliveries")
                    && !d.findElements(By.cssSelector("#view[data-loaded]")).isEmpty());
            assertThat(driver.getPageSource()).doesNotContain(token);

            // a link with the token in its fragment hands it over and leaves the address bar at once
            driver.executeScript("sessionStorage.clear()");
            driver.navigate().to(guarded.baseUrl() + "/#token=" + token);
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Deliveries")
                    && !d.findElements(By.cssSelector("#view[data-loaded]")).isEmpty());
            assertThat(driver.getCurrentUrl()).doesNotContain(token).endsWith("#/deliveries");
        } finally {
            driver.executeScript("sessionStorage.clear()");
        }
    }

    // ---- helpers

    private static void open(String hash, String heading) {
        driver.navigate().to(server.baseUrl() + "/" + hash);
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(heading)
                && !d.findElements(By.cssSelector("#view[data-loaded]")).isEmpty());
    }

    private static void useProfile(String profile) {
        Select select = new Select(wait.until(d -> {
            WebElement s = d.findElement(By.id("scope-profile"));
            return s.findElements(By.tagName("option")).isEmpty() ? null : s;
        }));
        if (!select.getFirstSelectedOption().getDomAttribute("value").equals(profile)) {
            select.selectByValue(profile);
        }
        wait.until(d -> !d.findElements(By.cssSelector("#view[data-profile='" + profile + "'][data-loaded]")).isEmpty());
    }

    private static void type(By by, String text) {
        WebElement input = wait.until(visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks what {@code by} finds once it can be clicked, again if a live redraw replaced it just then. */
    private static void click(By by) {
        wait.until(d -> {
            WebElement element = elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static String sendEvent(String type) {
        new Select(wait.until(visibilityOfElementLocated(By.id("trigger-type")))).selectByValue(type);
        click(By.id("send-event"));
        return wait.until(d -> d.findElement(By.cssSelector("#trigger-form .notice a"))).getText();
    }

    /** Reads the secret from the dialog that shows it once, then closes the dialog. */
    private static String secretShownOnce(String screenshot) {
        WebElement input = wait.until(visibilityOfElementLocated(By.id("secret-value")));
        String secret = input.getDomProperty("value");
        assertThat(driver.findElement(By.id("secret-note")).getText()).contains("only once");
        click(By.id("secret-copy"));
        wait.until(d -> d.findElement(By.id("secret-copy")).getText().equals("Copied"));
        if (screenshot != null) {
            Browser.screenshot(driver, screenshot);
        }
        click(By.xpath("//dialog//button[normalize-space()='Done']"));
        wait.until(d -> d.findElements(By.id("secret-value")).isEmpty());
        return secret;
    }

    private static WebElement rowContaining(String rows, String text) {
        return driver.findElements(By.cssSelector(rows)).stream().filter(r -> r.getText().contains(text)).findFirst().orElse(null);
    }

    private static WebElement ruleSwitch() {
        return driver.findElement(By.cssSelector("table.failures tbody tr input[role='switch']"));
    }

    private static String status() {
        return wait.until(d -> d.findElement(By.cssSelector(".facts [data-status]")).getDomAttribute("data-status"));
    }

    /** The attempt's request headers as the page shows them, read again if a live redraw replaced the rows meanwhile. */
    private static Map<String, String> requestHeaders(int attempt) {
        return wait.until(d -> {
            Map<String, String> headers = new LinkedHashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("li[data-attempt='" + attempt + "'] table.request-headers tr"))) {
                headers.put(row.findElement(By.tagName("th")).getDomProperty("textContent"),
                        row.findElement(By.cssSelector(".header-value")).getDomProperty("textContent"));
            }
            return headers.isEmpty() ? null : headers;
        });
    }

    private static String requestBody(int attempt) {
        return wait.until(d -> d.findElement(By.cssSelector("li[data-attempt='" + attempt + "'] pre.request-body"))
                .getDomProperty("textContent"));
    }

    /** The text of what {@code by} finds, read again if a live redraw replaced it meanwhile. */
    private static String textOf(By by) {
        return wait.until(d -> d.findElement(by).getText());
    }

    private static Verification verify(Map<String, String> headers, String body, String secret) {
        return Profiles.get("standard").scheme().verify(headers, body.getBytes(StandardCharsets.UTF_8), List.of(Secret.of(secret)),
                Internals.of(server).store().clock());
    }

    private static String admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.url(path))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
