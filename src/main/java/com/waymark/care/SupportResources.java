package com.waymark.care;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where to find help, shown on the support card ({@code waymark.support.resources}). Each organisation sets
 * its own occupational health and employee assistance line; the national ones are defaults.
 *
 * @param resources where to find help, shown on the support card: a list of {@code name}, {@code contact},
 *                  {@code detail} (default: 999, NHS 111 option 2, Samaritans, Shout, NHS Practitioner Health and
 *                  occupational health, whose contact is {@code WAYMARK_EAP_CONTACT}; see {@code application.yml})
 */
@ConfigurationProperties("waymark.support")
public record SupportResources(List<Resource> resources) {

    /** One place to turn: its name, how to reach it, and a line on when it helps. */
    public record Resource(String name, String contact, String detail) {
    }

    /** Never an empty card: if configuration lists nothing, the emergency routes are still there. */
    static final List<Resource> MINIMUM = List.of(
            new Resource("Emergency services", "Call 999", "If you or someone else is in immediate danger."),
            new Resource("NHS 111, option 2", "Call 111 and choose option 2",
                    "Urgent mental health help, day or night."),
            new Resource("Samaritans", "Call 116 123, free, any time", "Someone to talk to, day or night."));

    public SupportResources {
        resources = resources == null || resources.isEmpty() ? MINIMUM
                : resources.stream().filter(r -> r != null && r.name() != null && !r.name().isBlank()).toList();
        if (resources.isEmpty()) {
            resources = MINIMUM;
        }
    }
}
