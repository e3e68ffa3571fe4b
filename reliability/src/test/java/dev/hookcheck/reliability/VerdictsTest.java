package dev.hookcheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.reliability.Verdicts.Finding;
import dev.hookcheck.reliability.Verdicts.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's judge can fail: each kind of finding is recognised, and a correct answer passes. */
class VerdictsTest {
    private final Verdicts verdicts = new Verdicts();

    private static Wire.Answer json(int status, String body) {
        return new Wire.Answer(status, Map.of("content-type", "application/json"), body, 1);
    }

    private List<Kind> kinds(String dialect, Wire.Answer answer) {
        return verdicts.judge(dialect, "GET", answer, false).stream().map(Finding::kind).toList();
    }

    @Test
    void anErrorInTheDialectsShapeInOurWordsPasses() {
        assertThat(kinds("vitable", json(400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"limit must be between 1 and 100\"}}")))
                .isEmpty();
        assertThat(kinds("preo", json(400, "{\"page_size\":[\"Ensure this value is less than or equal to 1000.\"]}"))).isEmpty();
    }

    @Test
    void aServerErrorIsFound() {
        assertThat(kinds("admin", json(500, "{\"errors\":[{\"code\":\"internal_error\",\"title\":\"a Hookcheck bug\"}]}")))
                .containsExactly(Kind.SERVER_ERROR);
    }

    @Test
    void jettysHtmlPageIsAShapeViolationAndALeak() {
        Wire.Answer html = new Wire.Answer(414, Map.of("content-type", "text/html;charset=iso-8859-1"),
                "<html><head><title>Error 414 URI Too Long</title></head></html>", 1);
        assertThat(kinds("dfns", html)).containsExactly(Kind.SHAPE, Kind.LEAK);
    }

    @Test
    void anotherDialectsShapeIsAViolation() {
        assertThat(kinds("dfns", json(404, "{\"detail\":\"Not found.\"}"))).containsExactly(Kind.SHAPE);
    }

    @Test
    void aLibrarysTextOrAClassNameIsALeak() {
        assertThat(kinds("admin", json(400, "{\"errors\":[{\"code\":\"invalid_json\",\"title\":\"nesting exceeds "
                + "StreamReadConstraints.getMaxNestingDepth()\"}]}"))).containsExactly(Kind.LEAK);
        assertThat(kinds("preo", json(400, "{\"detail\":\"failed (UnsupportedCharsetException)\"}"))).containsExactly(Kind.LEAK);
    }

    @Test
    void anErrorThatEchoesItsInputIsALeak() {
        assertThat(kinds("dfns", json(400, "{\"error\":{\"message\":\"url must be a URL, got '" + "x".repeat(10_000) + "'\"}}")))
                .containsExactly(Kind.LEAK);
    }

    @Test
    void aSecretIsALeakWhereverItShowsUpButInTheAnswerThatMadeIt() {
        verdicts.knowSecret("vitable_whsec_q8W2e4R6t8Y0u2I4o6P8a0S2d4F6g8H0");
        Wire.Answer list = json(200, "{\"endpoints\":[{\"secret\":\"vitable_whsec_q8W2e4R6t8Y0u2I4o6P8a0S2d4F6g8H0\"}]}");
        assertThat(kinds("admin", list)).containsExactly(Kind.LEAK);
        assertThat(verdicts.judge("admin", "POST", list, true)).isEmpty();
        assertThat(kinds("admin", json(200, "{\"note\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}"))).containsExactly(Kind.LEAK);
    }

    @Test
    void noAnswerAtAllIsAViolation() {
        assertThat(kinds("admin", new Wire.Answer(0, Map.of(), "no answer: SocketException", 1))).containsExactly(Kind.SHAPE);
    }
}
