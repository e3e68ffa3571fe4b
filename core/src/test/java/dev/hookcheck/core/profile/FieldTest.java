package dev.hookcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A field of the body is read at the body's event: the object itself, or the first event of an array of them. */
class FieldTest {
    private static final UnaryOperator<String> NO_HEADERS = name -> null;

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void aJsonFieldIsReadAtItsPathInAnObjectBody() {
        assertThat(Field.json("event", "type").read(NO_HEADERS, json("{\"event\":{\"type\":\"a.b\"}}")))
                .isEqualTo("a.b");
    }

    @Test
    void aJsonFieldOfABodyThatIsAnArrayOfEventsIsReadInItsFirstEvent() {
        JsonNode body = json("[{\"id\":\"evt_1\",\"data\":{\"n\":1}},{\"id\":\"evt_2\"}]");

        assertThat(Field.json("id").read(NO_HEADERS, body)).isEqualTo("evt_1");
        assertThat(Field.json("data", "n").read(NO_HEADERS, body)).isEqualTo("1");
    }

    @Test
    void anArrayWithoutAnEventObjectFirstHasNoFields() {
        assertThat(Field.json("id").read(NO_HEADERS, json("[]"))).isNull();
        assertThat(Field.json("id").read(NO_HEADERS, json("[\"evt_1\"]"))).isNull();
        assertThat(Field.event(json("\"text\""))).isNull();
        assertThat(Field.event(null)).isNull();
    }

    @Test
    void anObjectIsItsOwnEvent() {
        JsonNode body = json("{\"id\":\"evt_1\"}");

        assertThat(Field.event(body)).isSameAs(body);
    }
}
