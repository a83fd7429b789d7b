package com.waymark.teams;

import com.waymark.teams.pairing.PeerCoachingCommand;
import com.waymark.teams.pairing.PeerCoachingSlice;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.outbox.OutboxPayload;
import com.waymark.pairing.Met;
import com.waymark.pairing.PairingMode;
import com.waymark.pairing.PlaceInRound;
import com.waymark.pairing.PeerCoachingParticipation.FollowUpQuestion;
import com.waymark.pairing.PeerCoachingParticipation.MyPairings;
import com.waymark.pairing.PeerCoachingParticipation.MyRound;
import com.waymark.pairing.PeerCoachingParticipation.Nudge;
import com.waymark.pairing.PeerCoachingParticipation.Partner;
import com.waymark.pairing.PeerCoachingService.ForbiddenView;
import com.waymark.pairing.PeerCoachingService.PairsSummary;
import com.waymark.pairing.PeerCoachingService;
import com.waymark.pairing.PeerCoachingService.PlanView;
import com.waymark.pairing.PlanSettings;
import com.waymark.programme.Programme;
import com.waymark.support.CardSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;

/** Peer-coaching cards against the Adaptive Card 1.5 schema, the chat deep link, and the phrases people type. */
class PairingCardsTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final Partner ALEX = new Partner("Alex \"AJ\" O'Brien", "Chair", "Riverside ICB",
            "11111111-2222-3333-4444-555555555555");
    private static final Partner SAM = new Partner("Sam Ng", null, null, "66666666-7777-8888-9999-000000000000");


    @Test
    void everyPeerCoachingCardValidates() {
        Programme programme = Mockito.mock(Programme.class);
        Mockito.when(programme.getName()).thenReturn("North Ridge $cohort");
        Mockito.when(programme.getTimeZone()).thenReturn("Europe/London");
        PlanView plan = new PlanView(1, new PlanSettings(2, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                PairingMode.PROGRESSION, 6, 3, null), null, 2, Instant.parse("2026-11-16T09:00:00Z"), 3,
                ZoneId.of("Europe/London"), false);
        Map<Integer, Integer> bands = new LinkedHashMap<>();
        bands.put(1, null);
        bands.put(4, 6);
        List<AdaptiveCard> cards = List.of(
                PairingCards.nudge(nudge(List.of(ALEX), false)), PairingCards.nudge(nudge(List.of(ALEX, SAM), true)),
                PairingCards.nudge(nudge(List.of(new Partner("No Id", "Chair", "X", null)), false)),
                PairingCards.followUp(new FollowUpQuestion(5, "Cohort", 2, List.of("Alex"), 2)),
                PairingCards.followUp(new FollowUpQuestion(5, "Cohort", 2, List.of(), 0)),
                PairingCards.mine(new MyPairings(List.of(), List.of("Cohort")), ZoneId.of("Europe/London")),
                PairingCards.mine(new MyPairings(List.of(
                        new MyRound("Cohort", 1, 6, Instant.parse("2026-11-02T09:00:00Z"), PairingMode.SAME_ROLE,
                                PlaceInRound.PAIRED, List.of(ALEX), Met.YES, 4, "Ask *first*"),
                        new MyRound("Cohort", 2, 6, Instant.parse("2026-11-09T09:00:00Z"), PairingMode.SAME_ROLE,
                                PlaceInRound.UNMATCHED, List.of(), null, null, null)), List.of()),
                        ZoneId.of("Europe/London")),
                PairingCards.plan(programme, List.of(), List.of()), PairingCards.plan(programme, List.of(plan), List.of()),
                PairingCards.forbid(programme, List.of(), List.of(new ForbiddenView("A", "B")), m -> "card id"),
                PairingCards.pairs(new PairsSummary("Cohort", 5, 3, null, null, null, null, null, null, null, null, null,
                        null, 0)),
                PairingCards.pairs(new PairsSummary("Cohort", 5, 3, 4, 3, 3.6, bands, 9, 5, 7, 7, 7, 6, 1)));
        cards.forEach(card -> CardSchema.assertValid(card.toJson()));
        assertThat(PairingCards.describe(plan)).contains("every 2 weeks on Monday at 09:00 (Europe/London)")
                .contains("progression").contains("2 run so far, round 3 on Monday 16 Nov at 09:00");
    }

    /** A round that paired nobody is not a round run: the plan says so when its rounds are all used up. */
    @Test
    void aPlanWhoseRoundsFoundNobodyFreeDoesNotClaimTheyRan() {
        PlanSettings settings = new PlanSettings(2, DayOfWeek.MONDAY, LocalTime.of(9, 0), PairingMode.PROGRESSION, 6,
                3, null);
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(PairingCards.describe(new PlanView(1, settings, null, 6, null, 7, london, true)))
                .endsWith("all rounds have run.");
        assertThat(PairingCards.describe(new PlanView(1, settings, null, 4, null, 7, london, true)))
                .endsWith("every round has fallen due, and 4 of them paired people (nobody was free for the others).");
        assertThat(PairingCards.describe(new PlanView(1, settings, null, 2, null, 4, london, false)))
                .endsWith("2 run so far; no further round falls within the programme's dates.");
    }

    /** "pair now" says why nobody could be paired, and how many who agreed have no chat to be reached in. */
    @Test
    void pairNowExplainsWhoCannotBeReached() {
        var nobody = new PeerCoachingService.RoundOutcome(4, 6, PairingMode.SAME_ROLE, false, null, null, 13);
        assertThat(PeerCoachingSlice.describe(nobody)).startsWith("nobody is free to pair right now, so nothing "
                + "was run and the round is still to come.")
                .contains("while I can reach them in their 1:1 chat with me")
                .endsWith("13 people who agreed have no 1:1 chat with me yet, so I can't reach them: I open one when a "
                        + "coach enrols people from a team (\"enrol\" there), or when they first message me.");
        var some = new PeerCoachingService.RoundOutcome(4, 6, PairingMode.SAME_ROLE, true, 1, 1, 1);
        assertThat(PeerCoachingSlice.describe(some)).startsWith("1 pair and 1 trio formed.")
                .contains(" 1 person who agreed has no 1:1 chat with me yet");
        var everyone = new PeerCoachingService.RoundOutcome(4, 6, PairingMode.SAME_ROLE, true, 3, 0, 0);
        assertThat(PeerCoachingSlice.describe(everyone)).doesNotContain("no 1:1 chat");
    }

    @Test
    void aSectionTheLedgerHeldBackSaysSoRatherThanBlamingSize() {
        String small = PairingCards.pairs(new PairsSummary("Cohort", 5, 3, null, null, null, null, null, null, null,
                null, null, null, 0)).toJson().toString();
        assertThat(small).contains("hidden: fewer than 5 people so far").doesNotContain("last shown");
        String held = PairingCards.pairs(new PairsSummary("Cohort", 5, 3, null, null, null, null, 9, 5, 7, 7, 7, 6, 2))
                .toJson().toString();
        assertThat(held).contains("fewer than 5 people's answers have changed since they were last shown")
                .doesNotContain("fewer than 5 people so far");
    }

    @Test
    void theChatLinkNamesEachPartnerByTheirEntraObjectIdWithinTheTenant() {
        String pair = PairingCards.chatLink(nudge(List.of(ALEX), false));
        assertThat(pair).isEqualTo("https://teams.microsoft.com/l/chat/0/0?users=8:orgid:" + ALEX.aadObjectId()
                + "&tenantId=" + TENANT + "&message=Hello%21%20Waymark%20has%20paired%20us%20for%20peer%20coaching"
                + "%20this%20round.%20When%20would%20suit%20you%20for%2030%E2%80%9345%20minutes%3F");
        String trio = PairingCards.chatLink(nudge(List.of(ALEX, SAM), false));
        assertThat(trio).contains("users=8:orgid:" + ALEX.aadObjectId() + ",8:orgid:" + SAM.aadObjectId())
                .contains("&topicName=Peer%20coaching%20%E2%80%93%20Cohort");
        assertThat(PairingCards.chatLink(nudge(List.of(new Partner("X", null, null, "not-a-guid")), false))).isNull();
        JsonNode noLink = PairingCards.nudge(nudge(List.of(new Partner("X", null, null, null)), false)).toJson();
        assertThat(noLink.toString()).doesNotContain("Action.OpenUrl").contains("Find them by name in Teams")
                .contains("role and organisation not recorded");
    }

    @Test
    void partnersAndQuotesAreEscapedNotInterpolated() {
        assertThat(PairingCards.nudge(nudge(List.of(ALEX), false)).toJson().toString())
                .contains("Alex \\\"AJ\\\" O'Brien").contains("Chair, Riverside ICB");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "peer coaching|ShowPlan", "Pairing|ShowPlan", "pair now|PairNow", "forbid pair|ShowForbidPair",
            "pairs|ShowPairs", "my pairings|MyPairings", "My partner|MyPairings", "can't this round|CantThisRound",
            "can’t make this round.|CantThisRound", "opt out of peer coaching|OptOut",
            "opt in|OptIn", "opt back in!|OptIn", "pairs please|Unknown"})
    void phrasesMapToCommands(String text, String expected) {
        assertThat(SlicesForTests.read(text, null).getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void cardSubmitsCarryTheirIds() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var answer = (PeerCoachingCommand.AnswerFollowUp) SlicesForTests.read(null, json.createObjectNode()
                .put("action", PeerCoachingSlice.PAIRING_FOLLOW_UP).put("followUpId", "12").put("met", "NOT_YET")
                .put("usefulness", 4));
        assertThat(answer).isEqualTo(new PeerCoachingCommand.AnswerFollowUp("12", "NOT_YET", "4", null));
        assertThat(SlicesForTests.read(null, json.createObjectNode().put("action", PeerCoachingSlice.CANT_THIS_ROUND)
                .put("memberId", "7"))).isEqualTo(new PeerCoachingCommand.CantThisRound("7"));
        var save = (PeerCoachingCommand.SavePlan) SlicesForTests.read(null, json.createObjectNode()
                .put("action", PeerCoachingSlice.SAVE_PEER_COACHING).put("mode", "cross-role").put("everyWeeks", "3"));
        assertThat(save.mode()).isEqualTo("cross-role");
        assertThat(save.everyWeeks()).isEqualTo("3");
    }

    private static Nudge nudge(List<Partner> partners, boolean rematch) {
        return new Nudge(3, "Cohort", TENANT, 2, 6, PairingMode.CROSS_ORGANISATION, 3, rematch, partners);
    }

    /** Pairing says what changed; the words are here, for every change, naming the programme and round, no one. */
    @Test
    void everyChangeToARoundIsWordedPlainly() {
        Map<OutboxPayload.PairingUpdate.Change, String> expected = Map.of(
                OutboxPayload.PairingUpdate.Change.NOBODY_FREE, "you're the only person free this round",
                OutboxPayload.PairingUpdate.Change.NO_SUITABLE_PARTNER, "I couldn't find a partner for you this time",
                OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_PAIR_STAYS, "The two of you can still meet as a pair",
                OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_MAY_REMATCH, "If someone becomes free this round",
                OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_NEXT_ROUND, "You'll be paired again next round.");
        for (OutboxPayload.PairingUpdate.Change change : OutboxPayload.PairingUpdate.Change.values()) {
            String text = PairingCards.update(new OutboxPayload.PairingUpdate(change, 3, "Leading <well>", 2));
            assertThat(text).as(change.name()).startsWith("Peer coaching, \"Leading ‹well›\", round 2: ")
                    .contains(expected.get(change)).doesNotContain("<");
        }
    }
}
