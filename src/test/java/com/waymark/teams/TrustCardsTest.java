package com.waymark.teams;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waymark.care.SupportReason;
import com.waymark.care.SupportResources;
import com.waymark.support.CardSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trust cards validate against Adaptive Cards 1.5 and escape awkward values. */
class TrustCardsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void everyCardValidates() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("participant", 1);
        counts.put("checkIns", 12);
        counts.put("someFutureSection", 0);
        TrustCards.Read read = new TrustCards.Read(Instant.parse("2026-11-25T09:30:00Z"), "Themes from reflections",
                "\"North ${Ridge}\" </TextBlock>", "Dr \"Gee\" O'Neil $1", 7);
        SupportResources support = new SupportResources(null, null);
        List<SupportResources.Resource> resources = support.resources();
        List<AdaptiveCard> cards = new java.util.ArrayList<>(List.of(
                TrustCards.myData(counts, "waymark-my-data-2026-11-25.json", 1),
                TrustCards.myData(counts, "waymark-my-data-2026-11-25.json", 3),
                TrustCards.myDataAsFile(counts, "waymark-my-data-2026-11-25.json"), TrustCards.confirmErase(counts, List.of()),
                TrustCards.readsIncludingMe(List.of(), LONDON), TrustCards.readsIncludingMe(List.of(read, read), LONDON),
                TrustCards.audit("A & B", List.of(), LONDON), TrustCards.audit("A & B", List.of(read), LONDON),
                TrustCards.supportCard(support, true), TrustCards.supportCard(support, false),
                TrustCards.coachCall("Dr \"Gee\" O'Neil", "North Ridge", resources)));
        for (SupportReason reason : SupportReason.values()) {
            for (boolean coach : List.of(true, false)) {
                cards.add(TrustCards.support(reason, support.offeredAt(reason.tier()), support.dangerLine(), coach));
                cards.add(TrustCards.support(reason, List.of(), support.dangerLine(), coach));
            }
        }
        cards.forEach(card -> CardSchema.assertValid(card.toJson()));
    }

    @Test
    void readsShowLocalTimeWhatWhereWhoAndHowMany() {
        TrustCards.Read read = new TrustCards.Read(Instant.parse("2026-07-01T08:05:00Z"), "Team wellbeing and energy "
                + "summary", "\"Harbour\"", "Dr Helen Marsh", 9);
        assertThat(TrustCards.readsIncludingMe(List.of(read), LONDON).toJson().toString())
                .contains("1 Jul 2026, 09:05 – Team wellbeing and energy summary, \\\"Harbour\\\", seen by Dr Helen "
                        + "Marsh (9 people combined)");
    }

    @Test
    void theAuditCollapsesTheSameReadInTheSameMinuteAndNamesTheProgrammeOnce() {
        TrustCards.Read first = new TrustCards.Read(Instant.parse("2026-07-01T08:05:10Z"), "Themes from reflections",
                "\"Harbour\"", "Dr Helen Marsh", 9);
        TrustCards.Read again = new TrustCards.Read(Instant.parse("2026-07-01T08:05:40Z"), "Themes from reflections",
                "\"Harbour\"", "Dr Helen Marsh", 9);
        TrustCards.Read later = new TrustCards.Read(Instant.parse("2026-07-01T08:07:00Z"), "Themes from reflections",
                "\"Harbour\"", "Dr Helen Marsh", 9);
        List<String> lines = new ArrayList<>();
        TrustCards.audit("Harbour", List.of(later, again, first), LONDON).toJson().path("body")
                .forEach(e -> lines.add(e.path("text").asText()));
        assertThat(lines).contains("1 Jul 2026, 09:05 – Themes from reflections, seen by Dr Helen Marsh "
                + "(9 people combined) ×2", "1 Jul 2026, 09:07 – Themes from reflections, seen by Dr Helen Marsh "
                + "(9 people combined)");
        assertThat(lines).filteredOn(l -> l.contains("Themes")).hasSize(2);
    }

    @Test
    void sectionsGetPlainNamesAndUnknownOnesKeepTheirOwn() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("checkIns", 3);
        counts.put("newThing", 2);
        assertThat(TrustCards.labelled(counts)).containsEntry("Check-ins (ratings and reflections)", "3")
                .containsEntry("newThing", "2");
    }

    @Test
    void anEmptyResourceListStillShowsTheEmergencyRoutes() {
        assertThat(new SupportResources(List.of(), null).resources()).extracting(SupportResources.Resource::contact)
                .contains("Call 999", "Call 111 and choose option 2");
    }
}
