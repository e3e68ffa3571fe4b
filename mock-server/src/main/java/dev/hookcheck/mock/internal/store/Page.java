package dev.hookcheck.mock.internal.store;

import java.util.List;

/** A slice of a longer list, and how long the whole list is. */
public record Page<T>(List<T> items, int total) {
    public Page {
        items = List.copyOf(items);
    }
}
