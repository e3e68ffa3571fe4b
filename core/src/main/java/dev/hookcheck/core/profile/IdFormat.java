package dev.hookcheck.core.profile;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape of one kind of id, and a generator that only produces ids of that shape.
 *
 * @param prefix the fixed start, for example {@code wevt_}
 * @param alphabet the characters of the random part (letters and digits only)
 * @param groups the lengths of the random part's groups, joined by dashes (Dfns: 5, 5, 16)
 * @param pattern the whole id's documented (or assumed) shape
 */
public record IdFormat(String prefix, String alphabet, List<Integer> groups, Pattern pattern) {
    public static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    public static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final String HEX = "0123456789abcdef";

    public IdFormat {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(pattern, "pattern");
        groups = List.copyOf(groups);
        if (!alphabet.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("id alphabets are letters and digits: " + alphabet);
        }
    }

    /** {@code prefix} followed by {@code length} characters of {@code alphabet}. */
    public static IdFormat of(String prefix, String alphabet, int length) {
        return grouped(prefix, alphabet, List.of(length));
    }

    /** Dfns's shape: {@code prefix} then 5, 5 and 16 lower-case alphanumerics joined by dashes. */
    public static IdFormat dfns(String prefix) {
        return new IdFormat(prefix, LOWER_ALNUM, List.of(5, 5, 16),
                Pattern.compile(Pattern.quote(prefix) + "[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{14,16}"));
    }

    /** A lower-case GUID such as {@code 72d3162e-cc78-11e3-81ab-4c9367dc0958}. */
    public static IdFormat guid() {
        return grouped("", HEX, List.of(8, 4, 4, 4, 12));
    }

    private static IdFormat grouped(String prefix, String alphabet, List<Integer> groups) {
        String body = groups.stream().map(n -> "[" + alphabet + "]{" + n + "}").collect(Collectors.joining("-"));
        return new IdFormat(prefix, alphabet, groups, Pattern.compile(Pattern.quote(prefix) + body));
    }

    public String generate(RandomGenerator random) {
        StringBuilder id = new StringBuilder(prefix);
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) {
                id.append('-');
            }
            for (int i = 0; i < groups.get(g); i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return id.toString();
    }

    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }
}
