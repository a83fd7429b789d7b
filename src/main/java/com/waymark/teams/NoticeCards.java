package com.waymark.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ThresholdLowering;
import com.waymark.privacy.PrivacyNotice;
import com.waymark.privacy.PrivacySettings;
import org.springframework.stereotype.Component;

/**
 * The privacy notice as one person reads it: with the threshold and retention of the programmes they are in, read
 * when it is shown, so what it says is what their programmes do at that moment.
 */
@Component
public class NoticeCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ProgrammeService programmes;
    private final Clock clock;
    private final int thresholdNoticeDays;

    NoticeCards(ProgrammeService programmes, Clock clock,
                PrivacySettings privacySettings) {
        this.programmes = programmes;
        this.clock = clock;
        this.thresholdNoticeDays = privacySettings.thresholdNoticeDays();
    }

    /** The notice for this person now; for the programmes they take part in (not those they only coach). */
    PrivacyNotice notice(long participantId) {
        Instant now = clock.instant();
        List<PrivacyNotice.ProgrammeTerms> terms = programmes.programmesOf(participantId).stream()
                .filter(mine -> mine.membership() != null && mine.membership().isActive())
                .map(mine -> terms(mine.programme(), now)).toList();
        return PrivacyNotice.current(terms, thresholdNoticeDays);
    }

    /** The welcome card with the privacy notice and the consent button. */
    Activity welcome(long participantId) {
        return Reply.card(WaymarkCards.welcome(notice(participantId)));
    }

    private static final DateTimeFormatter AGREED = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    /**
     * "privacy": before they agree, the notice with its button; after, what they agreed to, when (on their own
     * clock), and how to see, export, erase or withdraw.
     */
    public Activity privacy(long participantId, Optional<Instant> agreedAt, ZoneId zone) {
        PrivacyNotice notice = notice(participantId);
        return Reply.card(agreedAt
                .map(at -> WaymarkCards.privacyAgreed(notice, AGREED.format(at.atZone(zone))))
                .orElseGet(() -> WaymarkCards.privacy(notice)));
    }

    /** The answer to anything that would record something about a person who has not agreed to the notice. */
    List<Activity> consentFirst(long participantId) {
        return List.of(MessageFactory.text("Before I record anything I need your agreement to how your "
                + "answers are kept. Here is the short privacy notice:"), welcome(participantId));
    }

    /**
     * "at least 4 people", or "at least 4 people across X and 5 across Y": the thresholds of the programmes this
     * person's figures go into, as coaches see them now.
     */
    public String thresholdPhrase(long participantId) {
        Instant now = clock.instant();
        List<Programme> mine = programmes.programmesOf(participantId).stream()
                .filter(p -> p.membership() != null && p.membership().isActive()).map(p -> p.programme()).toList();
        if (mine.isEmpty()) {
            return "at least your programme's threshold of people (" + PrivacyNotice.DEFAULT_THRESHOLD
                    + " unless its coach chose another, never fewer than " + PrivacyNotice.LOWEST_THRESHOLD + ")";
        }
        if (mine.stream().map(p -> p.thresholdAt(now)).distinct().count() == 1) {
            return "at least " + mine.get(0).thresholdAt(now) + " people";
        }
        return "at least " + String.join(" or ", mine.stream().map(p -> p.thresholdAt(now) + " people in "
                + PlainText.of(p.getName())).toList());
    }

    /** One programme's own terms in a sentence, for the moment someone joins it. */
    public String termsOf(Programme programme) {
        PrivacyNotice.ProgrammeTerms terms = terms(programme, clock.instant());
        return "Its team summaries each combine at least " + terms.threshold() + " people"
                + (terms.lowerThreshold() == null ? "" : " (" + terms.lowerThreshold() + " from " + terms.lowerFrom()
                + ")") + ", and its answers are kept " + terms.retentionDays() + " days after it ends.";
    }

    private static PrivacyNotice.ProgrammeTerms terms(Programme programme, Instant now) {
        var lowering = programme.loweringAfter(now);
        return new PrivacyNotice.ProgrammeTerms(PlainText.of(programme.getName()), programme.thresholdAt(now),
                lowering.map(ThresholdLowering::to).orElse(null),
                lowering.map(l -> when(l, ZoneId.of(programme.getTimeZone()))).orElse(null),
                programme.settings().retentionDays());
    }

    /** The day a lowered threshold applies, on the programme's own calendar. */
    public static String when(ThresholdLowering lowering, ZoneId zone) {
        return DAY.format(lowering.from().atZone(zone));
    }
}
