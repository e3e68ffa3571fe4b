package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.util.List;

/** Which profile and organization an admin request is about, with 400s that name the field. */
final class Scope {
    private Scope() {}

    static Profile profile(String name, String field) {
        return Profiles.find(name).orElseThrow(() -> ApiException.invalid(field,
                field + " must be one of " + String.join(", ", Profiles.names()) + ", got " + Quote.of(name) + ""));
    }

    /** The named profile, or a known organization's profile, or {@link Profiles#DEFAULT}. */
    static Profile profileOrDefault(Store store, String name, String organizationId) {
        if (name != null) {
            return profile(name, "profile");
        }
        return profile(organizationId == null ? Profiles.DEFAULT
                : store.organization(organizationId).map(Organization::profile).orElse(Profiles.DEFAULT), "profile");
    }

    /**
     * The named organization, which must belong to {@code profile}; when none is named, the
     * profile's first organization.
     */
    static Organization organization(Store store, Profile profile, String id, String field) {
        if (id == null) {
            List<Organization> organizations = store.organizations(profile.name());
            if (organizations.isEmpty()) {
                throw ApiException.invalid(field, "profile " + Quote.of(profile.name()) + " has no organization, so "
                        + field + " has no default");
            }
            return organizations.get(0);
        }
        Organization organization = store.organization(id)
                .orElseThrow(() -> ApiException.invalid(field, field + " " + Quote.of(id) + " is not a known organization"));
        if (!organization.profile().equals(profile.name())) {
            throw ApiException.invalid(field, field + " " + Quote.of(id) + " belongs to profile '" + organization.profile()
                    + "', not " + Quote.of(profile.name()) + "");
        }
        return organization;
    }

    /** Every built-in profile's name, or just the one named (checked). */
    static List<String> profileNames(String name, String field) {
        return name == null ? Profiles.names() : List.of(profile(name, field).name());
    }
}
