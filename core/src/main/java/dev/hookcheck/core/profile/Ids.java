package dev.hookcheck.core.profile;

import java.util.Map;
import java.util.Objects;

/**
 * The id formats of a profile.
 *
 * @param event events ({@code wevt_…}; for Dfns also every attempt's {@code whe-…})
 * @param delivery deliveries ({@code wdlv_…}; GitHub's delivery GUID)
 * @param endpoint endpoints, webhooks or subscriptions ({@code wsub_…}, {@code wh-…})
 * @param organization organizations ({@code org_…})
 * @param resources the id format of each resource type ({@code enrollment → enrl_…})
 */
public record Ids(IdFormat event, IdFormat delivery, IdFormat endpoint, IdFormat organization,
        Map<String, IdFormat> resources) {
    public Ids {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(organization, "organization");
        resources = Map.copyOf(resources);
    }

    /** The format of a resource type's ids. */
    public IdFormat resource(String resourceType) {
        IdFormat format = resources.get(resourceType);
        if (format == null) {
            throw new IllegalArgumentException("no id format for resource type " + resourceType);
        }
        return format;
    }
}
