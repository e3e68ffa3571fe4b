package dev.hookcheck.mock.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.delivery.RawReceiver;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end: the real server (virtual clock, stopped), real receivers on raw sockets
 * that verify what they get, Debian's headless Chromium. What the page shows is checked against what
 * the receiver got and against core's signature scheme; each task is done at a laptop's width (1280
 * px) and a phone's (390 px), counting its clicks. One browser serves the whole class; each test picks
 * its profile first. The live redraw keeps elements that did not change, so no test retries a stale one.
 */
class DashboardBrowserTest {
    static final Instant START = Instant.parse("2026-04-01T12:00:00Z");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final int PHONE = 390;

    private static MockServer server;
    private static VirtualClock clock;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int clicks;
    private RawReceiver receiver;

    @BeforeAll
    static void start() {
        clock = VirtualClock.stopped(START);
        server = MockServer.create(MockServerConfig.defaults().withClock(clock)).start();
        // an organization with no endpoint at all, for the empty state
        for (Endpoint e : Internals.of(server).store().endpointsOfProfile("github")) {
            Internals.of(server).store().deleteEndpoint(e.id());
        }
        driver = Browser.start();
        wait = Browser.waitFor(driver);
    }

    @BeforeEach
    void receiver() {
        receiver = new RawReceiver("standard", clock);
        receiver.verifyWith(Secret.of(SECRET));
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
        Browser.colorScheme(driver, "light");
        // the receivers a test registered are gone with it; the seeded endpoints are disabled examples
        for (Endpoint e : Internals.of(server).store().endpointsOfProfile("standard")) {
            if (e.url().startsWith("http://127.0.0.1:")) {
                Internals.of(server).store().deleteEndpoint(e.id());
            }
        }
        for (Endpoint e : Internals.of(server).store().endpointsOfProfile("stripe")) {
            if (e.url().startsWith("http://127.0.0.1:")) {
                Internals.of(server).store().deleteEndpoint(e.id());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- the tasks, at both widths

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, PHONE})
    void registerSendAndReadTheSignedRequestInSixClicksAtMostThenReplayItWithCurl(int width) throws Exception {
        viewport(width);
        open("#/endpoints?profile=standard", "Endpoints");
        String url = receiver.url("/webhooks/" + width);
        clicks = 0;

        // register the receiver with its own secret: shown once, then gone from the page
        type(By.id("endpoint-url"), url);
        type(By.id("endpoint-name"), "Laptop app " + width);
        type(By.id("endpoint-secret"), SECRET);
        click(By.id("add-endpoint"));
        assertThat(secretShownOnce()).isEqualTo(SECRET);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus back where it was").isEqualTo("add-endpoint");
        wait.until(d -> rowContaining("table.endpoints tbody tr", url) != null);
        assertThat(rowContaining("table.endpoints tbody tr", url).getText()).contains("Laptop app " + width);

        // send an event aimed at it, with the catalog's realistic example data
        click(By.cssSelector(".sidebar a[data-section='events']"));
        waitForView("Events");
        wait.until(d -> d.findElement(By.id("trigger-data")).getDomProperty("value").contains("{"));
        String data = driver.findElement(By.id("trigger-data")).getDomProperty("value");
        assertThat(data).isNotEqualTo("{}").isNotBlank();
        click(By.id("send-event"));
        WebElement link = wait.until(visibilityOfElementLocated(By.cssSelector("#send-notice a.delivery-link")));
        assertThat(driver.findElements(By.cssSelector("#send-notice a.delivery-link")))
                .as("only our receiver takes it: the seeded endpoints are disabled").hasSize(1);
        String deliveryId = link.getText();
        link.click();
        clicks++;
        waitForView("Delivery " + deliveryId);
        wait.until(d -> d.findElement(By.cssSelector("#timeline li[data-attempt] .badge")).getText().contains("accepted"));

        // read the signed request: the request line and every header as sent, the signature verifies
        assertThat(clicks).as("clicks to register, send and read the signed request").isLessThanOrEqualTo(6);
        WebElement newest = driver.findElement(By.cssSelector("#timeline li[data-attempt]"));
        assertThat(newest.findElement(By.tagName("details")).getDomProperty("open")).isEqualTo("true");
        assertThat(newest.findElement(By.cssSelector("pre.request-line")).getText()).isEqualTo("POST /webhooks/" + width + " HTTP/1.1");
        Map<String, String> shown = requestHeaders(newest);
        String body = newest.findElement(By.cssSelector("pre.request-body")).getDomProperty("textContent");
        RawReceiver.Request got = receiver.requests().get(0);
        assertThat(shown).isEqualTo(got.headers());
        assertThat(shown.keySet()).contains("Host", "Content-Length", "User-Agent", "webhook-signature")
                .noneMatch(n -> n.equalsIgnoreCase("Upgrade") || n.equalsIgnoreCase("HTTP2-Settings") || n.equalsIgnoreCase("Connection"));
        assertThat(body).isEqualTo(got.bodyText());
        assertThat(got.verified()).isTrue();
        assertThat(verify(shown, body, SECRET)).isInstanceOf(Verification.Verified.class);
        assertFits();
        driver.executeScript("document.getElementById('timeline-title').scrollIntoView()");
        Browser.screenshot(driver, "dashboard-delivery-" + width); // the signed request in view
        checkAccessibility("a delivery at " + width + " px");

        // copy as curl, run it: the receiver gets the same request again and verifies it
        newest.findElement(By.cssSelector("button[data-key^='curl-']")).click();
        String command = wait.until(visibilityOfElementLocated(By.id("curl-command"))).getText();
        checkAccessibility("the curl dialog at " + width + " px");
        click(By.xpath("//dialog//button[normalize-space()='Done']"));
        Process curl = new ProcessBuilder("/bin/bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("{\"verified\":true}");
        RawReceiver.Request replayed = receiver.requests().get(1);
        assertThat(replayed.line()).isEqualTo(got.line());
        assertThat(replayed.headers()).isEqualTo(got.headers());
        assertThat(replayed.body()).isEqualTo(got.body());
        assertThat(replayed.verified()).isTrue();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, PHONE})
    void retryOneFailedDeliveryInTwoClicksWithoutMovingTheClockOrAnyOtherDelivery(int width) throws Exception {
        viewport(width);
        receiver.verifyWith(null); // refuses everything: the first attempt fails
        String endpointId = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"" + receiver.url("/refusing")
                + "\",\"name\":\"Refusing " + width + "\",\"secret\":\"" + SECRET + "\"}"));
        String eventId = id(admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"type\":\"invoice.paid\",\"endpointId\":\""
                + endpointId + "\"}"));
        String deliveryId = awaitDelivery(eventId, "retrying");
        // someone else's retry, in another profile: it must stay as it is
        String stripeEndpoint = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"stripe\",\"url\":\"" + receiver.url("/stripe") + "\"}"));
        String stripeEvent = id(admin("POST", "/__admin/events", "{\"profile\":\"stripe\",\"type\":\"invoice.paid\",\"endpointId\":\""
                + stripeEndpoint + "\"}"));
        String stripeDelivery = awaitDelivery(stripeEvent, "retrying");
        String stripeBefore = admin("GET", "/__admin/deliveries/" + stripeDelivery, null);

        open("#/deliveries?profile=standard", "Deliveries");
        WebElement row = wait.until(d -> rowContaining("table.deliveries tbody tr", "Refusing " + width));
        assertThat(row.getText()).contains(receiver.url("/refusing"));
        receiver.verifyWith(Secret.of(SECRET)); // the receiver is fixed
        clicks = 0;
        click(By.cssSelector("a[data-key='delivery-" + deliveryId + "']"));
        waitForView("Delivery " + deliveryId);
        assertThat(driver.findElement(By.id("retry-now")).isEnabled()).as("retry now while a retry is scheduled").isTrue();
        click(By.id("retry-now"));

        // the page reads the delivery and its attempts in two requests: wait for the redraw that has both
        wait.until(d -> status().equals("delivered") && "2".equals(d.findElement(By.cssSelector("#timeline li[data-attempt]"))
                .getDomAttribute("data-attempt")));
        assertThat(clicks).as("clicks to retry one failed delivery").isLessThanOrEqualTo(2);
        WebElement newest = driver.findElement(By.cssSelector("#timeline li[data-attempt]"));
        assertThat(newest.getDomAttribute("data-attempt")).isEqualTo("2");
        assertThat(newest.getText()).contains("HTTP 200 · accepted", "manual · extra");
        assertThat(newest.findElement(By.tagName("details")).getDomProperty("open")).isEqualTo("true");
        WebElement older = driver.findElement(By.cssSelector("#timeline li[data-attempt='1'] details"));
        assertThat(older.getDomProperty("open")).as("older attempts collapsed").isEqualTo("false");
        assertThat(driver.findElement(By.id("attempt-count")).getText()).isEqualTo("1 of at most 10 scheduled, 1 by hand");
        assertThat(json(admin("GET", "/__admin/clock", null), "now")).isEqualTo(START.toString());
        assertThat(admin("GET", "/__admin/deliveries/" + stripeDelivery, null)).isEqualTo(stripeBefore);
        assertFits();
        screenshot("retry", width);
    }

    @Test
    void theNextScheduledAttemptIsMadeNowByHandAndCountsAsThatAttempt() throws Exception {
        viewport(1280);
        receiver.verifyWith(null);
        String endpointId = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"" + receiver.url("/next")
                + "\",\"secret\":\"" + SECRET + "\"}"));
        String deliveryId = awaitDelivery(id(admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"type\":\"invoice.paid\","
                + "\"endpointId\":\"" + endpointId + "\"}")), "retrying");
        open("#/deliveries/" + deliveryId, "Delivery " + deliveryId);

        click(By.id("deliver-next"));

        wait.until(d -> d.findElements(By.cssSelector("#timeline li[data-attempt='2']")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#timeline li[data-attempt]")).getText()).contains("manual · made early");
        wait.until(d -> d.findElement(By.id("attempt-count")).getText().equals("2 of at most 10 scheduled, 1 by hand"));
        assertThat(status()).isEqualTo("retrying");
        assertThat(json(admin("GET", "/__admin/clock", null), "now")).isEqualTo(START.toString());
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, PHONE})
    void aSharedLinkOpensUnderItsOwnProfileOrganizationAndFilters(int width) {
        viewport(width);
        open("#/deliveries?profile=standard", "Deliveries");
        String stripeDelivery = json(admin("GET", "/__admin/deliveries?profile=stripe&limit=1", null), "id");
        String stripeOrg = json(admin("GET", "/__admin/deliveries?profile=stripe&limit=1", null), "organizationId");

        // a delivery link without any scope: the header follows the delivery, and so does the address
        driver.navigate().to(server.baseUrl() + "/#/deliveries/" + stripeDelivery);
        waitForView("Delivery " + stripeDelivery);
        wait.until(d -> new Select(d.findElement(By.id("scope-profile"))).getFirstSelectedOption().getText().equals("Stripe"));
        assertThat(new Select(driver.findElement(By.id("scope-organization"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(stripeOrg);
        assertThat(driver.getCurrentUrl()).contains("profile=stripe", "org=" + stripeOrg);

        // a filtered list: the filters come back from the address
        driver.navigate().to(server.baseUrl() + "/#/deliveries?profile=stripe&org=" + stripeOrg + "&status=delivered&q=invoice");
        driver.navigate().refresh();
        waitForView("Deliveries");
        assertThat(new Select(driver.findElement(By.id("deliveries-status"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("delivered");
        assertThat(driver.findElement(By.id("deliveries-q")).getDomProperty("value")).isEqualTo("invoice");
        assertThat(driver.findElements(By.cssSelector("table.deliveries [data-status]"))).isNotEmpty()
                .allSatisfy(badge -> assertThat(badge.getDomAttribute("data-status")).isEqualTo("delivered"));
        assertFits();
        screenshot("deliveries", width);
        checkAccessibility("the deliveries list at " + width + " px");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, PHONE})
    void searchFindsADeliveryByTheTextOfItsBody(int width) throws Exception {
        viewport(width);
        admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"" + receiver.url("/search") + "\",\"secret\":\"" + SECRET + "\"}");
        open("#/events?profile=standard", "Events");
        WebElement data = wait.until(d -> {
            WebElement area = d.findElement(By.id("trigger-data"));
            return area.getDomProperty("value").contains("{") ? area : null;
        });
        data.clear();
        String word = "needle" + width;
        data.sendKeys("{\"note\":\"a " + word + " in the haystack\"}");
        click(By.id("send-event"));
        wait.until(visibilityOfElementLocated(By.cssSelector("#send-notice a.delivery-link")));
        assertFits();
        screenshot("events", width);
        checkAccessibility("the events page at " + width + " px");

        click(By.cssSelector(".sidebar a[data-section='deliveries']"));
        waitForView("Deliveries");
        type(By.id("deliveries-q"), word + Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("q=" + word) && d.findElements(By.cssSelector("table.deliveries tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("table.deliveries tbody tr")).getText()).contains(receiver.url("/search"));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, PHONE})
    void endpointsShowTheirHealthRulesTheirMatchesAndARotationItsOverlapEnd(int width) throws Exception {
        viewport(width);
        RawReceiver other = new RawReceiver("standard", clock); // never verifies: every attempt fails
        try {
            String good = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"" + receiver.url("/good")
                    + "\",\"name\":\"Healthy " + width + "\",\"secret\":\"" + SECRET + "\"}"));
            String bad = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"" + other.url("/bad")
                    + "\",\"name\":\"Broken " + width + "\"}"));
            admin("POST", "/__admin/failures", "{\"mode\":\"duplicate\",\"endpointId\":\"" + good + "\",\"count\":2}");
            awaitDelivery(id(admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"type\":\"invoice.paid\",\"endpointId\":\"" + good + "\"}")), "delivered");
            awaitDelivery(id(admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"type\":\"invoice.paid\",\"endpointId\":\"" + bad + "\"}")), "retrying");

            open("#/endpoints?profile=standard", "Endpoints");
            WebElement healthy = wait.until(d -> rowContaining("table.endpoints tbody tr", "Healthy " + width));
            assertThat(healthy.getText()).contains("100 % succeeded", "1 attempt", receiver.url("/good"));
            assertThat(rowContaining("table.endpoints tbody tr", "Broken " + width).getText())
                    .contains("0 % succeeded", "last failure: HTTP 401", other.url("/bad"));
            assertFits();
            screenshot("endpoints", width);
            checkAccessibility("the endpoints page at " + width + " px");

            // rotate with an overlap: the new secret once, and when the old one stops
            healthy.findElement(By.cssSelector("button[data-key^='rotate-']")).click();
            type(By.id("rotate-overlap"), "3600");
            click(By.id("rotate-confirm"));
            wait.until(visibilityOfElementLocated(By.id("secret-value")));
            assertThat(driver.findElement(By.id("overlap-end")).getText()).contains("2026-04-01T13:00:00Z", "in 1 h");
            checkAccessibility("the secret dialog at " + width + " px");
            click(By.xpath("//dialog//button[normalize-space()='Done']"));
            assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Rotate secret");

            // the rule names its endpoint as people do, says how often it acted, and can be edited
            open("#/failures?profile=standard", "Failure injection");
            WebElement rule = wait.until(d -> rowContaining("table.failures tbody tr", "Healthy " + width));
            assertThat(rule.getText()).contains("Duplicate", "2 requests in all, one after another", "1 time", "100 %");
            rule.findElement(By.cssSelector("button[data-key^='rule-edit-']")).click();
            type(By.id("rule-edit-probability"), "0.5");
            click(By.id("rule-save"));
            wait.until(d -> rowContaining("table.failures tbody tr", "Healthy " + width).getText().contains("50 %"));
            // the same row element, redrawn in place
            assertThat(rule.getText()).contains("50 %");
            assertFits();
            screenshot("failures", width);
            checkAccessibility("the failure rules at " + width + " px");
            String ruleId = rule.getDomAttribute("data-rule");
            rule.findElement(By.cssSelector("button[data-key^='rule-delete-']")).click();
            wait.until(d -> d.findElements(By.cssSelector("tr[data-rule='" + ruleId + "']")).isEmpty());
        } finally {
            other.close();
        }
    }

    // ---- live, keyboard, themes, errors

    @Test
    void newDeliveriesAppearWithoutAReloadAndTheRowsAlreadyShownStayTheSameElements() throws Exception {
        viewport(1280);
        String endpointId = id(admin("POST", "/__admin/endpoints", "{\"profile\":\"stripe\",\"url\":\"" + receiver.url("/live") + "\"}"));
        open("#/deliveries?profile=stripe", "Deliveries");
        WebElement first = wait.until(d -> d.findElement(By.cssSelector("table.deliveries tbody tr")));
        String before = first.getDomAttribute("data-delivery");

        admin("POST", "/__admin/events", "{\"profile\":\"stripe\",\"type\":\"invoice.paid\",\"endpointId\":\"" + endpointId + "\"}");

        wait.until(d -> !d.findElement(By.cssSelector("table.deliveries tbody tr")).getDomAttribute("data-delivery").equals(before));
        wait.until(d -> d.findElement(By.id("announcer")).getText().contains("new deliver"));
        assertThat(first.getDomAttribute("data-delivery")).as("the row shown before is still on the page").isEqualTo(before);
        assertThat(driver.findElement(By.cssSelector("table.deliveries tbody tr")).getText()).contains("invoice.paid", receiver.url("/live"));
    }

    @Test
    void timesSwitchBetweenUtcAndLocalAndTheThemeFollowsTheSystem() {
        viewport(1280);
        open("#/clock?profile=standard", "Clock");
        assertThat(driver.findElement(By.cssSelector(".clock-page-now")).getText()).isEqualTo("2026-04-01T12:00:00Z");

        click(By.id("time-toggle"));
        assertThat(driver.findElement(By.id("time-toggle")).getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector(".clock-page-now")).getText()).matches("2026-04-01 \\d\\d:00:00 \\S+");
        driver.navigate().refresh();
        waitForView("Clock");
        assertThat(driver.findElement(By.cssSelector(".clock-page-now")).getText()).doesNotEndWith("Z");
        click(By.id("time-toggle"));

        Browser.colorScheme(driver, "dark");
        Object background = driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(17, 20, 26)");
        checkAccessibility("the clock, dark");
        open("#/deliveries?profile=standard", "Deliveries");
        checkAccessibility("the deliveries list, dark");
        screenshot("dark", 1280);
    }

    @Test
    void keyboardLabelsEmptyStatesAndErrorsInPlainWords() {
        viewport(1280);
        open("#/deliveries?profile=standard", "Deliveries");
        driver.navigate().refresh();
        waitForView("Deliveries");

        // the keyboard alone: skip link first, then the sections
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        for (int i = 0; i < 14 && !driver.switchTo().activeElement().getText().equals("Events"); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-section")).isEqualTo("events");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Events"));

        // every control of every view has a label, nothing is wider than the screen, axe finds nothing serious
        for (int width : new int[] {1280, PHONE}) {
            viewport(width);
            for (String[] view : List.of(new String[] {"#/deliveries", "Deliveries"}, new String[] {"#/events", "Events"},
                    new String[] {"#/endpoints", "Endpoints"}, new String[] {"#/failures", "Failure injection"},
                    new String[] {"#/clock", "Clock"})) {
                open(view[0] + "?profile=standard", view[1]);
                Object unlabelled = driver.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                        + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                        + ".map(e => e.outerHTML);");
                assertThat((List<?>) unlabelled).as("controls without a label on %s", view[0]).isEmpty();
                assertFits();
                checkAccessibility(view[1] + " at " + width + " px");
            }
            screenshot("clock", width);
        }
        viewport(1280);

        // an organization without endpoints says what to do next
        open("#/endpoints?profile=github", "Endpoints");
        WebElement empty = wait.until(visibilityOfElementLocated(By.cssSelector(".empty")));
        assertThat(empty.getText()).contains("No endpoints yet", "Register a receiver", "/__admin/endpoints");

        // the admin API's refusal, in plain words, at the field it names
        type(By.id("endpoint-url"), "ftp://files.example/hooks");
        click(By.id("add-endpoint"));
        WebElement alert = wait.until(visibilityOfElementLocated(By.id("alert")));
        assertThat(alert.getText()).contains("url must be an absolute http or https URL such as https://example.com/webhooks");
        assertThat(driver.findElement(By.id("endpoint-url")).getDomAttribute("aria-invalid")).isEqualTo("true");
        checkAccessibility("an error at its field");
    }

    @Test
    void aServerThatStopsAnsweringIsSaidSoAndNotBlamedOnTheFilters() {
        viewport(1280);
        MockServer doomed = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(5).withClock(VirtualClock.stopped(START))).start();
        String base = doomed.baseUrl();
        driver.navigate().to(base + "/#/events?profile=standard");
        waitForView("Events");
        doomed.close();

        WebElement alert = wait.until(visibilityOfElementLocated(By.id("alert")));
        assertThat(alert.getText()).contains("did not answer");
        wait.until(d -> d.findElement(By.id("live-dot")).getDomAttribute("class").contains("down"));
        assertThat(driver.findElement(By.id("view")).getText()).doesNotContain("These filters do not work");
    }

    @Test
    void withAnAdminTokenThePageAsksForItOnceAndKeepsItForTheTab() {
        viewport(1280);
        String token = "dashboard-test-token";
        try (MockServer guarded = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(5)
                .withAdminToken(token).withClock(VirtualClock.stopped(START))).start()) {
            driver.navigate().to(guarded.baseUrl() + "/#/deliveries");
            WebElement input = wait.until(visibilityOfElementLocated(By.id("admin-token")));
            assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("This sandbox needs its admin token");
            Browser.screenshot(driver, "admin-token");

            // a wrong token: the server's words, and the question again
            input.sendKeys("not-the-token");
            click(By.id("admin-token-submit"));
            WebElement alert = wait.until(visibilityOfElementLocated(By.id("alert")));
            assertThat(alert.getText()).contains("the admin token is wrong");
            wait.until(visibilityOfElementLocated(By.id("admin-token")));

            // the right one opens the sandbox, and a reload in the same tab does not ask again
            type(By.id("admin-token"), token);
            click(By.id("admin-token-submit"));
            waitForView("Deliveries");
            driver.navigate().refresh();
            waitForView("Deliveries");
            assertThat(driver.getPageSource()).doesNotContain(token);

            // a link with the token in its fragment hands it over and leaves the address bar at once
            driver.executeScript("sessionStorage.clear()");
            driver.navigate().to(guarded.baseUrl() + "/#token=" + token);
            waitForView("Deliveries");
            assertThat(driver.getCurrentUrl()).doesNotContain(token).contains("#/deliveries");
        } finally {
            driver.executeScript("sessionStorage.clear()");
        }
    }

    // ---- helpers

    private static void viewport(int width) {
        Browser.viewport(driver, width, width == PHONE ? 844 : 800);
    }

    /** Loads the page afresh at this address (a hash alone would keep the page, and a dialog left open). */
    private static void open(String hash, String heading) {
        driver.navigate().to("about:blank");
        driver.navigate().to(server.baseUrl() + "/" + hash);
        waitForView(heading);
    }

    private static void waitForView(String heading) {
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(heading)
                && !d.findElements(By.cssSelector("#view[data-loaded]")).isEmpty());
    }

    private static void type(By by, String text) {
        WebElement input = wait.until(visibilityOfElementLocated(by));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks what {@code by} finds once it can be clicked, counting the click. */
    private static void click(By by) {
        wait.until(elementToBeClickable(by)).click();
        clicks++;
    }

    /** Reads the secret from the dialog that shows it once, then closes the dialog with Done. */
    private static String secretShownOnce() {
        WebElement input = wait.until(visibilityOfElementLocated(By.id("secret-value")));
        String secret = input.getDomProperty("value");
        assertThat(driver.findElement(By.id("secret-note")).getText()).contains("only once");
        click(By.xpath("//dialog//button[normalize-space()='Done']"));
        wait.until(d -> d.findElements(By.id("secret-value")).isEmpty());
        assertThat(driver.getPageSource()).doesNotContain(secret);
        return secret;
    }

    private static WebElement rowContaining(String rows, String text) {
        return driver.findElements(By.cssSelector(rows)).stream().filter(r -> r.getText().contains(text)).findFirst().orElse(null);
    }

    private static String status() {
        return driver.findElement(By.cssSelector(".facts [data-status]")).getDomAttribute("data-status");
    }

    private static Map<String, String> requestHeaders(WebElement attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (WebElement row : attempt.findElements(By.cssSelector("table.request-headers tr"))) {
            headers.put(row.findElement(By.tagName("th")).getDomProperty("textContent"),
                    row.findElement(By.cssSelector(".header-value")).getDomProperty("textContent"));
        }
        return headers;
    }

    /** Nothing on the page is wider than the screen: no sideways scrolling, nothing cut off. */
    private static void assertFits() {
        Object widths = driver.executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).intValue()).as("page width at a %s px window", w.get(1)).isLessThanOrEqualTo(((Number) w.get(1)).intValue());
    }

    private static void checkAccessibility(String where) {
        assertThat(Browser.seriousViolations(driver)).as("axe-core on %s", where).isEmpty();
    }

    private static void screenshot(String name, int width) {
        driver.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, "dashboard-" + name + "-" + width);
    }

    private static Verification verify(Map<String, String> headers, String body, String secret) {
        return Profiles.get("standard").scheme().verify(headers, body.getBytes(StandardCharsets.UTF_8), List.of(Secret.of(secret)), clock);
    }

    /** Waits (on the server, not by sleeping) until the event's delivery has this status; its id. */
    private static String awaitDelivery(String eventId, String status) throws IOException, InterruptedException {
        return json(admin("GET", "/__admin/deliveries/await?count=1&eventId=" + eventId + "&status=" + status + "&timeoutMs=10000", null), "id");
    }

    private static String id(String json) {
        return json(json, "id");
    }

    /** The first value of a string field in a JSON answer. */
    private static String json(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return m.group(1);
    }

    private static String admin(String method, String path, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.url(path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
