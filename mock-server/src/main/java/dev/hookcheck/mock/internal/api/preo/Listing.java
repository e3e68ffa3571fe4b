package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.http.Quote;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DRF list conventions over an in-memory list: {@code OrderingFilter} ({@code ordering=name,-created}),
 * {@code PageNumberPagination} ({@code page}, {@code page_size}) and django-filter style query
 * checks. Parameter problems are added to a {@link FieldErrors} so they are reported together.
 * Unlike DRF, which ignores an unknown ordering field or a bad {@code page_size} and answers a
 * malformed {@code page} with 404 {@code Invalid page.}, this mock refuses them with a 400 naming
 * the parameter, so a client's mistake shows up in its tests.
 */
final class Listing {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000; // assumed

    private Listing() {}

    /** The requested page and its size. */
    record Paging(int page, int pageSize) {}

    static Paging paging(Context ctx, FieldErrors errors) {
        // a page number too large for an int is past any end: Invalid page, as in DRF
        return new Paging(integer(ctx, "page", 1, null, errors),
                integer(ctx, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, errors));
    }

    /** A positive integer up to {@code max}, or up to any size (read as int's largest) when max is null. */
    private static int integer(Context ctx, String name, int fallback, Integer max, FieldErrors errors) {
        String value = Params.text(ctx, name);
        if (value == null) {
            return fallback;
        }
        BigInteger parsed;
        try {
            parsed = new BigInteger(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, "A valid integer is required.");
            return fallback;
        }
        if (parsed.signum() < 1) {
            errors.add(name, "Ensure this value is greater than or equal to 1.");
            return fallback;
        }
        if (max != null && parsed.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(name, "Ensure this value is less than or equal to " + max + ".");
            return fallback;
        }
        return parsed.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** {@code true} or {@code false} (any case, as django-filter reads them); null when absent. */
    static Boolean bool(Context ctx, String name, FieldErrors errors) {
        String value = Params.text(ctx, name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(name, "Must be true or false, got \"" + Quote.prefix(value) + "\".");
                yield null;
            }
        };
    }

    /** One of {@code allowed}, with django-filter's message otherwise; null when absent. */
    static String choice(Context ctx, String name, Collection<String> allowed, FieldErrors errors) {
        String value = Params.text(ctx, name);
        if (value != null && !allowed.contains(value)) {
            errors.add(name, "Select a valid choice. " + Quote.prefix(value) + " is not one of the available choices: "
                    + String.join(", ", allowed) + ".");
            return null;
        }
        return value;
    }

    /**
     * The order {@code ordering} asks for: comma-separated field names from {@code fields}, each
     * optionally prefixed by {@code -} for descending; {@code fallback} when absent. Ties are broken
     * by {@code tieBreak} so pages never overlap.
     */
    static <T> Comparator<T> ordering(Context ctx, Map<String, Comparator<T>> fields, String fallback,
            Comparator<T> tieBreak, FieldErrors errors) {
        String value = Params.text(ctx, "ordering");
        List<String> terms = new ArrayList<>();
        for (String term : (value == null ? "" : value).split(",")) {
            if (!term.isBlank()) {
                terms.add(term.strip());
            }
        }
        Comparator<T> order = null;
        for (String term : terms.isEmpty() ? List.of(fallback) : terms) {
            boolean descending = term.startsWith("-");
            Comparator<T> field = fields.get(descending ? term.substring(1) : term);
            if (field == null) {
                errors.add("ordering", "Unknown ordering field \"" + Quote.prefix(term) + "\"; use one of " + allowed(fields) + ".");
                continue;
            }
            field = descending ? field.reversed() : field;
            order = order == null ? field : order.thenComparing(field);
        }
        return order == null ? tieBreak : order.thenComparing(tieBreak);
    }

    private static String allowed(Map<String, ?> fields) {
        StringJoiner names = new StringJoiner(", ");
        fields.keySet().stream().sorted().forEach(f -> names.add(f).add("-" + f));
        return names.toString();
    }

    /**
     * {@code {"count","next","previous","results"}} for one page of {@code all}, with absolute links
     * as DRF builds them: the request's URL with its query parameters sorted and {@code page}
     * replaced ({@code page} dropped on the link to page 1). A page past the end is DRF's 404
     * {@code Invalid page.}; page 1 of an empty list is an empty page.
     */
    static <T> ObjectNode page(Context ctx, List<T> all, Paging paging, Function<T, JsonNode> render) {
        int count = all.size();
        int pages = Math.max(1, (count + paging.pageSize() - 1) / paging.pageSize());
        if (paging.page() > pages) {
            throw new ApiException(404, "invalid_page", null, "Invalid page.");
        }
        int from = (paging.page() - 1) * paging.pageSize();
        ObjectNode body = Json.object();
        body.put("count", count);
        body.put("next", paging.page() < pages ? link(ctx, paging.page() + 1) : null);
        body.put("previous", paging.page() > 1 ? link(ctx, paging.page() - 1) : null);
        ArrayNode results = body.putArray("results");
        all.subList(from, Math.min(count, from + paging.pageSize())).forEach(item -> results.add(render.apply(item)));
        return body;
    }

    private static String link(Context ctx, int page) {
        Map<String, List<String>> query = new TreeMap<>(ctx.queryParamMap());
        if (page == 1) {
            query.remove("page");
        } else {
            query.put("page", List.of(Integer.toString(page)));
        }
        StringJoiner encoded = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(v -> encoded.add(encode(name) + "=" + encode(v))));
        return ctx.url() + (encoded.length() == 0 ? "" : "?" + encoded);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
