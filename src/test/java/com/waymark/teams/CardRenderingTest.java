package com.waymark.teams;

import java.time.ZoneId;
import java.util.List;

import com.waymark.checkin.Prompt;
import com.waymark.checkin.Trend;
import com.waymark.privacy.PrivacyNotice;
import com.waymark.support.CardSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every card Waymark renders validates against the Adaptive Card 1.5 schema, including awkward values. */
class CardRenderingTest {

    @Test
    void everyCardValidates() {
        PrivacyNotice notice = PrivacyNotice.current(14);
        Prompt prompt = new Prompt("p1", "Appreciative inquiry", "When were you at your best? \"Quotes\" & $dollars");
        Trend trend = new Trend(List.of(2, 3, 5), List.of(1, 1, 4), 3);
        List<AdaptiveCard> cards = List.of(
                WaymarkCards.welcome(notice), WaymarkCards.privacyAgreed(notice, "6 Dec 2026 at 09:15"), WaymarkCards.privacy(notice),
                WaymarkCards.checkIn(prompt, 4000), WaymarkCards.checkInSaved(trend, true),
                WaymarkCards.checkInSaved(trend, false), WaymarkCards.trend(trend),
                WaymarkCards.trend(new Trend(List.of(), List.of(), 0)),
                WaymarkCards.actions(List.of(), ZoneId.of("Europe/London")));
        cards.forEach(card -> CardSchema.assertValid(card.toJson()));
    }

    @Test
    void aCardBuiltFurtherAfterItsJsonWasTakenLeavesThatJsonAsItWas() {
        AdaptiveCard card = AdaptiveCard.create().heading("First").submit("Go", "go");
        String first = card.toJson().toString();
        var handedOut = card.toJson();

        card.text("Second").submitAlone("Again", "again", java.util.Map.of());

        assertThat(handedOut.toString()).isEqualTo(first);
        assertThat(card.toJson().path("body")).hasSize(2);
        assertThat(card.toJson().path("actions")).hasSize(2);
        assertThat(card.toJson().path("actions").get(1).path("associatedInputs").asText()).isEqualTo("none");
    }

    @Test
    void anAverageReadsAsStringFormatWroteIt() {
        for (int n = 2; n <= 12; n++) {
            for (int sum = n; sum <= 5 * n; sum++) {
                List<Integer> ratings = new java.util.ArrayList<>(java.util.Collections.nCopies(n, 1));
                for (int i = 0, left = sum - n; left > 0; i = (i + 1) % n) {
                    int add = Math.min(4 - (ratings.get(i) - 1), left);
                    ratings.set(i, ratings.get(i) + add);
                    left -= add;
                }
                assertThat(WaymarkCards.oneDecimal(ratings)).as("%d over %d", sum, n)
                        .isEqualTo(String.format(java.util.Locale.UK, "%.1f", (double) sum / n));
            }
        }
    }

    @Test
    void valuesAreEscapedNotInterpolated() {
        Prompt prompt = new Prompt("p1", "x", "He said \"${name}\" </TextBlock>");
        assertThat(WaymarkCards.checkIn(prompt, 10).toJson().toString()).contains("He said \\\"${name}\\\"");
    }
}
