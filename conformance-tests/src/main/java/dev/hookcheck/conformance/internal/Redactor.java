package dev.hookcheck.conformance.internal;

import dev.hookcheck.core.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Blanks the receiver's secrets out of anything a result records. Checks never send a secret, but a
 * receiver might echo one back in an error body; the report must not carry it further. Texts shorter
 * than {@value #SHORTEST} characters are left alone: they would blank ordinary words, and no
 * provider hands out secrets that short.
 */
public final class Redactor {
    static final String BLANK = "[secret]";
    static final int SHORTEST = 8;
    private final List<String> texts = new ArrayList<>();

    public Redactor(List<Secret> secrets) {
        for (Secret secret : secrets) {
            String text = secret.reveal();
            if (text.length() >= SHORTEST) {
                texts.add(text);
            }
            int underscore = text.indexOf('_');
            if (underscore > 0 && text.length() - underscore > SHORTEST) {
                texts.add(text.substring(underscore + 1)); // the key part of whsec_…, whsk_…
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : texts) {
            out = out.replace(secret, BLANK);
        }
        return out;
    }
}
