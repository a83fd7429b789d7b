package com.waymark.care;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where to find help ({@code waymark.support.*}). Each organisation sets its own staff wellbeing, occupational health
 * and employee assistance line; the national ones are defaults. Every resource is on the card {@code support} shows;
 * after a check-in only those of its tier are offered, so one low week never brings emergency numbers.
 *
 * @param resources  where to find help: a list of {@code name}, {@code contact}, {@code detail} and {@code tier}, the
 *                   lowest concern at which a check-in's reply offers it: {@code low-run} (low for several check-ins
 *                   running, or words that suggest risk) or {@code urgent} (only words that suggest risk; the
 *                   default). Default: 999, NHS 111 option 2, Samaritans and Shout (urgent), NHS Practitioner Health
 *                   and your organisation's staff wellbeing service, whose contact is {@code WAYMARK_EAP_CONTACT}
 *                   (low-run); see {@code application.yml}
 * @param dangerLine the line that stands out on the {@code support} card and when someone's own words suggest risk
 *                   (never after low ratings alone)
 */
@ConfigurationProperties("waymark.support")
public record SupportResources(List<Resource> resources,
                               @DefaultValue("If you are in danger now, call 999.") String dangerLine) {

    /** One place to turn: its name, how to reach it, a line on when it helps, and the tier it is offered from. */
    public record Resource(String name, String contact, String detail, SupportTier tier) {
        public Resource {
            // Unmarked, a resource waits for the urgent tier: never an emergency line after one low week.
            tier = tier == null ? SupportTier.URGENT : tier;
        }
    }

    /** Never an empty card: if configuration lists nothing, the emergency routes are still there. */
    static final List<Resource> MINIMUM = List.of(
            new Resource("Emergency services", "Call 999", "If you or someone else is in immediate danger.",
                    SupportTier.URGENT),
            new Resource("NHS 111, option 2", "Call 111 and choose option 2",
                    "Urgent mental health help, day or night.", SupportTier.URGENT),
            new Resource("Samaritans", "Call 116 123, free, any time", "Someone to talk to, day or night.",
                    SupportTier.URGENT));

    static final String DANGER_LINE = "If you are in danger now, call 999.";

    public SupportResources {
        resources = resources == null || resources.isEmpty() ? MINIMUM
                : resources.stream().filter(r -> r != null && r.name() != null && !r.name().isBlank()).toList();
        if (resources.isEmpty()) {
            resources = MINIMUM;
        }
        dangerLine = dangerLine == null || dangerLine.isBlank() ? DANGER_LINE : dangerLine.strip();
    }

    /** What a check-in's reply offers at this tier: those marked for it or a lower one, in the configured order. */
    public List<Resource> offeredAt(SupportTier tier) {
        return resources.stream().filter(r -> r.tier().compareTo(tier) <= 0).toList();
    }
}
