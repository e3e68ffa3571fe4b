package dev.hookcheck.core.profile;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The stories a provider's resources go through, as event names in order: an employee's enrollment, a
 * transfer, an order. Where a story branches (accepted or waived, confirmed or failed) one branch is
 * drawn. The mock's seeded history and {@code POST /__admin/lifecycles} are told from these.
 */
@FunctionalInterface
public interface Lifecycle {
    /** One story, drawn with {@code random}: its steps in order. */
    List<Step> draw(RandomGenerator random);

    /**
     * One step: an event name and the resource it is about.
     *
     * @param weeksBefore the next step comes weeks later (a payroll run), not within a day or two
     */
    record Step(String type, String resourceType, boolean weeksBefore) {
        public Step(String type, String resourceType) {
            this(type, resourceType, false);
        }

        /** This step, with the next one weeks later. */
        public Step thenWeeks() {
            return new Step(type, resourceType, true);
        }
    }
}
