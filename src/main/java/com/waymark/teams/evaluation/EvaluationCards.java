package com.waymark.teams.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.waymark.evaluation.Element;
import com.waymark.evaluation.EvaluationResults;
import com.waymark.evaluation.EvaluationService;
import com.waymark.evaluation.OutcomeMeasure;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.DateText;
import com.waymark.teams.PlainText;

/** The evaluation's cards: the coach's overview and results, and the two questionnaires people answer. */
final class EvaluationCards {

    static final String ANSWER = "evaluation.answer";
    static final String OUTCOME_ANSWER = "outcome.answer";
    static final String SEND = "evaluation.send";
    static final String RESULTS = "evaluation.results";
    static final String OUTCOME_ON = "outcome.on";
    static final String OUTCOME_OFF = "outcome.off";

    static final String HIDDEN = "hidden";
    static final List<String> RATING_WORDS = List.of("Poor", "Fair", "Satisfactory", "Good", "Excellent");

    private EvaluationCards() {
    }

    /** A coach's view of their programme's evaluation: whether and when it goes, what it asks, and the buttons. */
    static AdaptiveCard overview(String programme, Optional<Instant> sentAt, Optional<LocalDate> sendsItselfOn,
                                 List<Element> elements, boolean outcomeOn, ZoneId zone, Clock clock) {
        AdaptiveCard card = AdaptiveCard.create().heading("End-of-programme evaluation: " + PlainText.of(programme));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (sentAt.isPresent()) {
            card.text("Sent on " + DateText.day(LocalDate.ofInstant(sentAt.get(), zone), zone, clock) + ". Sending "
                    + "it again reaches only people who have joined since.");
        } else if (sendsItselfOn.isPresent() && sendsItselfOn.get().isAfter(today)) {
            card.text("Not sent yet. If you don't send it before, it goes to every member by itself on "
                    + DateText.day(sendsItselfOn.get(), zone, clock) + ", ahead of the programme's end.");
        } else if (sendsItselfOn.isPresent()) {
            card.text("Not sent yet. The programme ends soon, so it goes to every member by itself "
                    + "shortly, unless you send it first.");
        } else {
            card.text("Not sent yet. The programme has no end date, so it goes when you send it.");
        }
        card.text("Each person rates these from 1 (poor) to 5 (excellent), leaving out what they didn't take part "
                + "in: " + elements.stream().map(e -> PlainText.of(e.name())).collect(Collectors.joining(", "))
                + ". Then how likely they are to recommend the programme (0 to 10), and two open questions.");
        card.subtle("Add an element of your own before it is sent, for example: evaluation add element Action "
                + "learning sets");
        card.text(outcomeOn ? "Outcome measure: on. Members answer the seven work-related questions of the "
                + "Copenhagen Burnout Inventory when they join and again with the evaluation."
                : "Outcome measure: off. Turn it on to ask members the seven work-related questions of the "
                + "Copenhagen Burnout Inventory now and again at the end.");
        card.submitAlone(sentAt.isPresent() ? "Send to new members" : "Send it now", SEND, Map.of());
        card.submitAlone("See the results", RESULTS, Map.of());
        card.submitAlone(outcomeOn ? "Turn the outcome measure off" : "Turn the outcome measure on",
                outcomeOn ? OUTCOME_OFF : OUTCOME_ON, Map.of());
        return card;
    }

    /** The evaluation itself, for one person; {@code programmeToken} is sealed for them. */
    static AdaptiveCard evaluation(EvaluationService.Invitation invitation, String programmeToken, int threshold) {
        AdaptiveCard card = AdaptiveCard.create().heading("How was " + PlainText.of(invitation.programmeName()) + "?")
                .text("The programme is coming to an end. Please rate each part of it from 1 (poor) to 5 "
                        + "(excellent), and leave out anything you didn't take part in.")
                .subtle("Coaches see only figures that combine at least " + threshold + " people. What you write "
                        + "reaches them only if you tick the box below, and never with your name.");
        List<AdaptiveCard.Choice> ratings = IntStream.rangeClosed(1, 5)
                .mapToObj(r -> new AdaptiveCard.Choice(r + " – " + RATING_WORDS.get(r - 1), Integer.toString(r)))
                .toList();
        for (Element element : invitation.elements()) {
            card.pick("rate." + element.key(), PlainText.of(element.name()), ratings, null, false, false);
        }
        List<AdaptiveCard.Choice> recommend = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            recommend.add(new AdaptiveCard.Choice(i == 0 ? "0 – Not at all likely" : i == 10 ? "10 – Extremely likely"
                    : Integer.toString(i), Integer.toString(i)));
        }
        card.pick("recommend", "How likely are you to recommend it to a colleague?", recommend, null, true, false);
        card.textInput("mostUseful", "What has been most useful to you?", "Optional", 1000);
        card.textInput("wouldChange", "What would you change?", "Optional", 1000);
        card.toggle("quoteOk", "A coach may read what I wrote, without my name, once at least " + threshold
                + " people have written an answer");
        card.submit("Send my answers", ANSWER, Map.of("programme", programmeToken));
        return card;
    }

    /** The outcome measure's seven items, exactly as published, with their published options. */
    static AdaptiveCard outcome(String programme, OutcomeMeasure.Phase phase, String programmeToken, int threshold) {
        AdaptiveCard card = AdaptiveCard.create().heading(phase == OutcomeMeasure.Phase.START
                        ? "Seven questions about your work, as " + PlainText.of(programme) + " begins"
                        : "The same seven questions, as " + PlainText.of(programme) + " ends")
                .text("They come from the Copenhagen Burnout Inventory, a questionnaire used across health care, "
                        + "so the group can compare the start of the programme with its end. Please answer at least "
                        + OutcomeMeasure.MIN_ANSWERED + " of them.")
                .subtle("Coaches see only figures that combine at least " + threshold + " people, never your own "
                        + "answers.");
        for (int i = 0; i < OutcomeMeasure.ITEMS.size(); i++) {
            OutcomeMeasure.Item item = OutcomeMeasure.ITEMS.get(i);
            List<AdaptiveCard.Choice> options = IntStream.range(0, item.options().size())
                    .mapToObj(o -> new AdaptiveCard.Choice(item.options().get(o), Integer.toString(o))).toList();
            card.pick("item" + (i + 1), (i + 1) + ". " + item.text(), options, null, false, false);
        }
        card.submit("Send my answers", OUTCOME_ANSWER, Map.of("programme", programmeToken, "phase", phase.name()));
        return card;
    }

    /** What a coach may see: every figure already decided; a hidden one says so. */
    static AdaptiveCard results(EvaluationResults results, ZoneId zone, Clock clock) {
        AdaptiveCard card = AdaptiveCard.create().heading("Evaluation of " + PlainText.of(results.programmeName()))
                .subtle("Confidential: every figure combines at least " + results.threshold() + " people, and "
                        + "smaller ones are hidden. The programme's coaches and admins never count, and nobody's own "
                        + "answers are shown.");
        if (!results.sent()) {
            card.text("The evaluation has not been sent yet. Say \"evaluation\" to see when it goes.");
        }
        String hidden = HIDDEN + ": fewer than " + results.threshold() + " people so far";
        Map<String, String> facts = new LinkedHashMap<>();
        if (results.sent()) {
            facts.put("Sent", DateText.day(LocalDate.ofInstant(results.sentAt(), zone), zone, clock)
                    + (results.automatic() ? " (by itself, as the end neared)" : ""));
        }
        facts.put("Answered by", results.responded() == null ? hidden : people(results.responded()));
        for (EvaluationResults.ElementResult element : results.elements()) {
            facts.put(PlainText.of(element.name()) + " (1–5)", element.mean() == null ? hidden
                    : String.format(Locale.ROOT, "%.1f from %s", element.mean(), people(element.people()))
                    + (element.goodOrExcellent() == null ? ""
                    : "; " + element.goodOrExcellent() + " rated it Good or Excellent"));
        }
        facts.put("Would recommend it (0–10)", results.recommendMean() == null ? hidden
                : String.format(Locale.ROOT, "%.1f from %s", results.recommendMean(),
                people(results.recommendPeople())));
        card.facts(facts);
        quotes(card, "Most useful, in their words", results.mostUseful());
        quotes(card, "What they would change, in their words", results.wouldChange());
        EvaluationResults.OutcomeResult outcome = results.outcome();
        if (outcome.enabled() || outcome.people() != null) {
            card.emphasis("Work-related burnout, start and end");
            if (outcome.people() == null) {
                card.text("Hidden: fewer than " + results.threshold() + " people have answered at both the start "
                        + "and the end so far.");
            } else {
                Map<String, String> measure = new LinkedHashMap<>();
                measure.put("People (answered both times)", Integer.toString(outcome.people()));
                measure.put("Mean score at the start", String.format(Locale.ROOT, "%.1f", outcome.startMean()));
                measure.put("Mean score at the end", String.format(Locale.ROOT, "%.1f", outcome.endMean()));
                measure.put("Bands at the start", bands(outcome.startBands()));
                measure.put("Bands at the end", bands(outcome.endBands()));
                card.facts(measure);
                card.subtle("Copenhagen Burnout Inventory, work-related scale: 0 to 100, higher means more burnout. "
                        + "Bands: low below 50, moderate 50 to 74, high 75 and over. A band is hidden when it has "
                        + "too few people, or when showing it would let a hidden one be worked out.");
            }
        }
        if (results.heldBack() > 0) {
            card.subtle("Some figures read \"hidden\" because fewer than " + results.threshold() + " people's answers "
                    + "have changed since they were last shown; they return once " + results.threshold()
                    + " or more have.");
        }
        card.subtle("Your reading is recorded in the programme's audit log.");
        return card;
    }

    private static void quotes(AdaptiveCard card, String title, List<String> quotes) {
        if (!quotes.isEmpty()) {
            card.emphasis(title);
            quotes.forEach(q -> card.text("“" + PlainText.of(q) + "”"));
        }
    }

    private static String bands(Map<OutcomeMeasure.Band, Integer> bands) {
        return bands.entrySet().stream().map(e -> e.getKey().label().toLowerCase(Locale.ROOT) + " "
                + (e.getValue() == null ? HIDDEN : e.getValue())).collect(Collectors.joining(" · "));
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }
}
