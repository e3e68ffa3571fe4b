package dev.hookcheck.conformance;

import dev.hookcheck.conformance.internal.check.Catalog;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The check catalog, in id order. Ids are stable forever: a retired check keeps its id unused. */
public final class Checks {
    private static final List<CheckInfo> ALL = Catalog.all().stream().map(CheckInfo::new).toList();

    private Checks() {}

    public static List<CheckInfo> all() {
        return ALL;
    }

    /** The checks with these ids in catalog order (all for an empty set), or an error naming the unknown ones. */
    public static List<CheckInfo> select(Collection<String> ids) {
        List<String> wanted = Catalog.select(ids).stream().map(c -> c.id()).toList();
        return ALL.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    /** The check with this id, in any letter case. */
    public static Optional<CheckInfo> find(String id) {
        return ALL.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }
}
