package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemasTest {
    @Test
    void aValidDocumentPasses() {
        Schemas.assertValid("scheme.schema.json", """
                {"name":"x","algorithm":"hmac-sha256","signedContent":"{body}",
                 "signature":{"header":"X","style":"prefixed","prefix":"sha256=","encoding":"hex"}}""");
    }

    @Test
    void anInvalidDocumentFailsTheAssertion() {
        assertThatThrownBy(() -> Schemas.assertValid("scheme.schema.json", "{\"name\":\"x\",\"algorithm\":\"md5\"}"))
                .isInstanceOf(AssertionError.class);
    }
}
