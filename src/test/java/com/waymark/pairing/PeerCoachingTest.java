package com.waymark.pairing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.privacy.FieldCipher;
import com.waymark.support.CardChoices;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Cohort;
import com.waymark.support.Chat.Person;
import com.waymark.support.ClockedIntegrationTest;
import com.waymark.support.TeamsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peer coaching end to end over HTTP with a hand-moved clock: the coach sets the plan and the rules on cards,
 * the round runner and the outbox run as Quartz and the delivery worker would, nudges and follow-ups arrive
 * at a connector stub playing Teams, and people answer, step out and opt out through the cards they got.
 */
class PeerCoachingTest extends ClockedIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ROLES = List.of("Chair", "Chief executive", "Medical director", "Director of nursing");
    static final List<String> ORGS = List.of("Riverside Hospitals NHS FT", "North Ridge ICB", "Eastmoor PCN");

    @LocalServerPort
    int port;
    @Autowired
    PairingRounds rounds;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcTemplate db;
    @Autowired
    FieldCipher cipher;

    TeamsClient teams;
    Chat chat;
    Coach coach;
    String code;
    long programmeId;

    @BeforeEach
    void coachWithAProgramme() {
        CONNECTOR.reset();
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        chat = new Chat(teams, db);
    }

    @AfterEach
    void quietPlans() {
        // Plans of one test must not run rounds while a later test moves the clock.
        db.update("update pairing_plan set active = false");
    }

    @Test
    void sevenActivePeopleMakeTwoPairsAndATrioAndThoseAwayAreLeftOutSilently() {
        CLOCK.set(Instant.parse("2026-11-01T12:00:00Z")); // a Sunday
        List<Person> people = programme(10);
        Person optedOut = people.get(7);
        Person paused = people.get(8);
        Person onLeave = people.get(9);
        assertThat(optedOut.say("opt out of peer coaching").text()).contains("no more peer-coaching pairings");
        assertThat(paused.say("pause 2 weeks").text()).contains("Paused");
        assertThat(onLeave.say("leave 2026-11-02").text()).contains("Noted");
        savePlan("1", "progression", "6", "3", "");

        CLOCK.set(Instant.parse("2026-11-02T09:00:00Z")); // Monday 09:00 in London
        run();
        List<Person> active = people.subList(0, 7);
        List<JsonNode> nudges = sent(active, "pairing:");
        assertThat(nudges).hasSize(7);
        assertThat(sent(people.subList(7, 10), "")).as("paused, on leave or opted out: told nothing").isEmpty();
        assertThat(groupSizes(lastRoundOf(programmeId))).containsExactly(2, 2, 3);

        for (Person person : active) {
            JsonNode nudge = only(sent(List.of(person), "pairing:"));
            assertThat(CardSchema.assertCardsValid(nudge)).isOne();
            JsonNode card = nudge.path("attachments").path(0).path("content");
            List<Person> partners = partnersOf(person, active);
            assertThat(partners).hasSizeBetween(1, 2);
            for (Person partner : partners) {
                int index = people.indexOf(partner);
                assertThat(card.toString()).contains(partner.name()).contains(ROLES.get(index % ROLES.size()))
                        .contains(ORGS.get(index % ORGS.size()));
            }
            assertThat(card.toString()).contains("Goal").contains("Reality").contains("Options").contains("Way forward")
                    .contains("30–45 minutes");
            JsonNode open = action(card, "Action.OpenUrl");
            assertThat(open.path("url").asText()).startsWith("https://teams.microsoft.com/l/chat/0/0?users=")
                    .contains(partners.stream().map(p -> "8:orgid:" + p.aadObjectId()).collect(Collectors.joining(",")));
            assertThat(open.path("title").asText()).isEqualTo(partners.size() == 1
                    ? "Open a chat with " + partners.get(0).name() : "Open a group chat");
            assertThat(submitData(card, "pairingCantThisRound").path("memberId").asText()).matches("\\d+");
            assertThat(submitData(card, "pairingOptOut")).isNotNull();
        }

        // Someone in the trio can't make it: the other two are told they can still meet; nobody else hears a thing.
        Person inTrio = active.stream().filter(p -> partnersOf(p, active).size() == 2).findFirst().orElseThrow();
        List<Person> stay = partnersOf(inTrio, active);
        JsonNode card = only(sent(List.of(inTrio), "pairing:")).path("attachments").path(0).path("content");
        CONNECTOR.reset();
        assertThat(inTrio.click(submitData(card, "pairingCantThisRound")).shown()).contains("you're out of round 1");
        worker.drainAll();
        assertThat(sent(stay, "pairing-partner-left:")).hasSize(2)
                .allSatisfy(m -> assertThat(m.path("text").asText()).contains("The two of you can still meet"));
        assertThat(CONNECTOR.sentActivities()).hasSize(2);
        assertThat(inTrio.say("can't this round").text()).contains("not paired in a round right now");
    }

    @Test
    void lineManagersAndForbiddenPairsAreNeverPairedAndSixRoundsHaveNoRepeat() {
        CLOCK.set(Instant.parse("2026-12-06T12:00:00Z")); // a Sunday
        List<Person> people = programme(8);
        long manager = people.get(0).id();
        long report = people.get(1).id();
        describe(people.get(1), 1, manager);
        long c = people.get(2).id();
        long d = people.get(3).id();
        assertThat(forbid(people.get(2), people.get(3))).contains("will never be paired");
        String forbidCard = coach.say("forbid pair").get(0).toString();
        assertThat(forbidCard).contains(people.get(2).name() + " and " + people.get(3).name());
        savePlan("1", "cross-role", "6", "3", "");

        Instant monday = Instant.parse("2026-12-07T09:00:00Z");
        for (int week = 0; week < 6; week++) {
            CLOCK.set(monday.plus(Duration.ofDays(7L * week)));
            run();
            run(); // a second tick at the same moment runs nothing more
        }
        List<List<Long>> groups = groupsOf(programmeId);
        assertThat(groups).hasSize(6 * 4).allMatch(g -> g.size() == 2);
        assertThat(groups).noneMatch(g -> g.containsAll(List.of(manager, report)))
                .noneMatch(g -> g.containsAll(List.of(c, d)));
        Set<List<Long>> distinct = new HashSet<>(groups);
        assertThat(distinct).as("24 pairs over six rounds, every one of them new").hasSize(24);
        assertThat(sent(people, "pairing:")).hasSize(6 * 8);
        assertThat(db.queryForObject("select count(*) from pairing_round where programme_id = ?", Integer.class,
                programmeId)).isEqualTo(6);
        assertThat(db.queryForObject("select count(*) from qrtz_triggers where trigger_name = 'tick-pairing'",
                Integer.class)).as("the Quartz job that runs due rounds in production").isOne();
    }

    @Test
    void pairNowRunsWholeRoundRobinFromTheStoredHistoryWithoutARepeat() {
        CLOCK.set(Instant.parse("2027-02-07T12:00:00Z"));
        List<Person> people = programme(6);
        assertThat(coach.say("pair now").text()).contains("no peer coaching yet");
        savePlan("2", "same-role", "5", "4", "");
        for (int round = 1; round <= 5; round++) {
            CLOCK.advance(Duration.ofHours(1));
            assertThat(coach.say("pair now").text()).contains("Round " + round + " of 5").contains("3 pairs formed");
        }
        assertThat(coach.say("pair now").text()).contains("All 5 rounds of this plan have run");
        List<List<Long>> groups = groupsOf(programmeId);
        assertThat(groups).hasSize(15);
        assertThat(new HashSet<>(groups)).as("everyone met everyone else exactly once").hasSize(15);
        worker.drainAll();
        assertThat(sent(people, "pairing:")).hasSize(30);
        assertThat(people.get(0).say("pair now").text()).contains("only for the coaches");
    }

    /**
     * A round that pairs nobody is not a round run: "pair now" with nobody free stores nothing and keeps the round to
     * come; a round due by the calendar with nobody free is stored (so it is not run again) but not counted.
     */
    @Test
    void aRoundThatPairsNobodyIsNotCountedAsARoundRun() {
        CLOCK.set(Instant.parse("2027-08-01T12:00:00Z")); // a Sunday
        List<Person> people = programme(2);
        people.forEach(person -> assertThat(person.say("pause 1 week").text()).contains("Paused"));
        savePlan("1", "same-role", "3", "3", "");
        assertThat(coach.say("pair now").text()).contains("Round 1 of 3")
                .contains("nobody is free to pair right now, so nothing was run and the round is still to come")
                .doesNotContain("no 1:1 chat");
        assertThat(roundsStored()).isZero();

        CLOCK.set(Instant.parse("2027-08-02T08:00:00Z")); // Monday 09:00 in London: round 1 falls due, nobody free
        run();
        assertThat(roundsStored()).isOne();
        assertThat(sent(people, "")).isEmpty();
        assertThat(pairsCard()).contains("{\"title\":\"Rounds run\",\"value\":\"0\"}");
        assertThat(coach.say("peer coaching").get(0).toString())
                .contains("0 run so far, round 2 on Monday 9 Aug");

        people.forEach(person -> assertThat(person.say("resume").text()).isNotBlank());
        assertThat(coach.say("pair now").text()).contains("Round 2 of 3").contains("the pairs are formed");
        assertThat(pairsCard()).contains("{\"title\":\"Rounds run\",\"value\":\"1\"}");
    }

    private int roundsStored() {
        return db.queryForObject("select count(*) from pairing_round where programme_id = ?", Integer.class,
                programmeId);
    }

    @Test
    void aNudgeWaitsForTheEndOfItsRecipientsOwnQuietHours() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
        List<Person> people = programme(2);
        assertThat(people.get(0).say("quiet hours 21:00-07:30").text()).contains("21:00");
        savePlan("1", "same-role", "2", "3", "");
        CLOCK.set(Instant.parse("2027-05-03T21:30:00Z")); // 22:30 in London (BST): quiet for the first, not the second
        assertThat(coach.say("pair now").text()).contains("the pairs are formed (too few people this round to give numbers)");
        worker.drainAll();
        assertThat(sent(List.of(people.get(1)), "pairing:")).as("no quiet hours: at once").hasSize(1);
        assertThat(sent(List.of(people.get(0)), "pairing:")).as("in their quiet hours").isEmpty();

        CLOCK.set(Instant.parse("2027-05-04T06:29:00Z")); // 07:29 in London
        worker.drainAll();
        assertThat(sent(List.of(people.get(0)), "pairing:")).isEmpty();
        CLOCK.set(Instant.parse("2027-05-04T06:31:00Z"));
        worker.drainAll();
        assertThat(sent(List.of(people.get(0)), "pairing:")).as("when their quiet hours end").hasSize(1);
    }

    @Test
    void someoneTheRulesLeaveWithoutAPartnerIsToldHonestly() {
        CLOCK.set(Instant.parse("2027-06-06T12:00:00Z"));
        List<Person> people = programme(3);
        long manager = people.get(0).id();
        describe(people.get(1), 1, manager);
        describe(people.get(2), 2, manager);
        savePlan("1", "cross-role", "3", "2", "");
        assertThat(coach.say("pair now").text()).contains("the pairs are formed (too few people")
                .contains("anyone who couldn't be placed this time has been told so").doesNotContain("1 couldn't");
        worker.drainAll();
        assertThat(sent(people.subList(1, 3), "pairing:")).hasSize(2);
        JsonNode told = only(sent(List.of(people.get(0)), ""));
        assertThat(told.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText()).startsWith("pairing-unmatched:");
        assertThat(told.path("text").asText()).contains("round 1").contains("I couldn't find a partner for you this time");
        assertThat(people.get(0).say("my pairings").get(0).toString())
                .contains("no partner could be found this time");
    }

    @Test
    void followUpAsksWhetherTheyMetAndNotYetComesBackTwiceAtMost() {
        CLOCK.set(Instant.parse("2027-01-03T12:00:00Z")); // a Sunday
        List<Person> people = programme(4);
        savePlan("2", "cross-organisation", "4", "3", "");
        CLOCK.set(Instant.parse("2027-01-04T09:00:00Z"));
        run();
        assertThat(sent(people, "pairing:")).hasSize(4);
        assertThat(sent(people, "pairing-followup:")).isEmpty();

        CLOCK.set(Instant.parse("2027-01-07T09:00:00Z")); // three days on
        run();
        List<JsonNode> followUps = sent(people, "pairing-followup:");
        assertThat(followUps).hasSize(4);
        followUps.forEach(f -> assertThat(CardSchema.assertCardsValid(f)).isOne());

        Person yes = people.get(0);
        Person partnerOfYes = only(partnersOf(yes, people));
        Person notYet = people.stream().filter(p -> p != yes && p != partnerOfYes).findFirst().orElseThrow();
        JsonNode yesCard = followUpCard(yes);
        assertThat(yesCard.toString()).contains(partnerOfYes.name()).contains("Did you meet?");
        assertThat(yes.click(submitData(yesCard, "pairingFollowUp").deepCopy().put("met", "YES")
                .put("usefulness", "4").put("oneThing", "Ask before I advise")).shown()).contains("glad you met");
        assertThat(partnerOfYes.click(submitData(followUpCard(partnerOfYes), "pairingFollowUp").deepCopy()
                .put("met", "NO")).shown()).contains("There's always next round");
        Map<String, Object> saved = db.queryForMap("select met, usefulness, one_thing, status from pairing_follow_up "
                + "where participant_id = ?", yes.id());
        assertThat(saved).containsEntry("MET", "YES").containsEntry("USEFULNESS", 4).containsEntry("STATUS", "ANSWERED");
        // The one thing is their own words about themselves: ciphertext at rest, like a reflection.
        assertThat((String) saved.get("ONE_THING")).startsWith(cipher.currentKeyId() + ":").doesNotContain("advise");
        assertThat(cipher.decrypt((String) saved.get("ONE_THING"))).isEqualTo("Ask before I advise");

        // "Not yet": the question comes back two days later, twice; the third "not yet" is the answer.
        for (int snooze = 1; snooze <= 3; snooze++) {
            JsonNode card = followUpCard(notYet);
            assertThat(card.toString()).contains(snooze < 3 ? "ask me again in 2 days" : "no more reminders");
            String reply = notYet.click(submitData(card, "pairingFollowUp").deepCopy().put("met", "NOT_YET")).shown();
            if (snooze == 3) {
                assertThat(reply).contains("won't ask about this round again");
                break;
            }
            assertThat(reply).contains("I'll ask again");
            CONNECTOR.reset();
            CLOCK.advance(Duration.ofDays(1));
            run();
            assertThat(sent(List.of(notYet), "pairing-followup:")).as("not before two days").isEmpty();
            CLOCK.advance(Duration.ofDays(1));
            run();
            assertThat(sent(List.of(notYet), "pairing-followup:")).hasSize(1);
        }
        assertThat(db.queryForMap("select met, snoozes, status from pairing_follow_up where participant_id = ?",
                notYet.id())).containsEntry("MET", "NOT_YET").containsEntry("SNOOZES", 2)
                .containsEntry("STATUS", "ANSWERED");
        assertThat(yes.click(submitData(yesCard, "pairingFollowUp").deepCopy().put("met", "NO")).shown())
                .contains("already answered");

        // Their own history, and nobody else's.
        JsonNode mine = yes.say("my pairings").get(0);
        CardSchema.assertCardsValid(mine);
        assertThat(mine.toString()).contains(partnerOfYes.name()).contains("you met, usefulness 4/5")
                .contains("One thing you'll do differently: \\\"Ask before I advise\\\"")
                .doesNotContain(notYet.name());
        assertThat(partnerOfYes.say("my pairings").get(0).toString())
                .as("the whole answer is the person's own: not shown to their partner").contains("you didn't meet")
                .doesNotContain("Ask before I advise").doesNotContain("usefulness 4/5");
    }

    @Test
    void cantThisRoundPromisesToTellAPartnerOnlyWhenThereIsOne() {
        CLOCK.set(Instant.parse("2027-03-07T12:00:00Z"));
        List<Person> people = programme(2);
        savePlan("2", "progression", "6", "5", "");
        CLOCK.set(Instant.parse("2027-03-08T09:00:00Z"));
        run();
        Person first = people.get(0);
        Person partner = only(partnersOf(first, people));
        assertThat(first.say("can't this round").text()).contains("let your partner know kindly");
        worker.drainAll();
        // The partner is now alone this round: nobody is waiting for them, so nothing is promised about a partner.
        assertThat(partner.say("can't this round").text()).contains("you're out of round 1")
                .contains("Nobody is waiting to meet you this round").doesNotContain("partner");
    }

    @Test
    void cantThisRoundTellsThePartnerKindlyAndTwoLeftAloneAreRematched() {
        CLOCK.set(Instant.parse("2027-03-07T12:00:00Z"));
        List<Person> people = programme(4);
        savePlan("2", "progression", "6", "5", "");
        CLOCK.set(Instant.parse("2027-03-08T09:00:00Z"));
        run();
        Person first = people.get(0);
        Person firstPartner = only(partnersOf(first, people));
        List<Person> others = people.stream().filter(p -> p != first && p != firstPartner).toList();
        Person second = others.get(0);
        Person secondPartner = others.get(1);

        JsonNode card = only(sent(List.of(first), "pairing:")).path("attachments").path(0).path("content");
        CONNECTOR.reset();
        assertThat(first.click(submitData(card, "pairingCantThisRound")).shown()).contains("you're out of round 1")
                .contains("let your partner know kindly");
        worker.drainAll();
        JsonNode told = only(sent(List.of(firstPartner), ""));
        assertThat(told.path("text").asText()).contains("can't make this round after all")
                .contains("nobody else free").doesNotContain(first.name());
        assertThat(first.click(submitData(card, "pairingCantThisRound")).shown()).contains("already told me");

        // A second person steps out by typing it: the two left alone now meet each other.
        CONNECTOR.reset();
        assertThat(second.say("can't this round").text()).contains("you're out of round 1");
        worker.drainAll();
        JsonNode rematchA = only(sent(List.of(firstPartner), "pairing:"));
        JsonNode rematchB = only(sent(List.of(secondPartner), "pairing:"));
        CardSchema.assertCardsValid(rematchA);
        CardSchema.assertCardsValid(rematchB);
        assertThat(rematchA.toString()).contains("A new peer-coaching partner").contains(secondPartner.name());
        assertThat(rematchB.toString()).contains("A new peer-coaching partner").contains(firstPartner.name());
        assertThat(sent(List.of(first, second), "")).isEmpty();
        assertThat(db.queryForList("select participant_id from pairing_opt_out where round_id is not null "
                + "and programme_id = ? order by participant_id", Long.class, programmeId))
                .containsExactlyInAnyOrder(first.id(), second.id());

        // The follow-up goes to the new pair only.
        CLOCK.set(Instant.parse("2027-03-13T09:00:00Z"));
        run();
        assertThat(sent(people, "pairing-followup:")).hasSize(2);
        assertThat(sent(List.of(firstPartner, secondPartner), "pairing-followup:")).hasSize(2);
        assertThat(firstPartner.say("my pairings").get(0).toString())
                .contains(secondPartner.name()).doesNotContain(first.name());
        assertThat(first.say("my pairings").get(0).toString())
                .contains("you couldn't make this round");

        // Opting out and in again.
        assertThat(first.say("opt out of peer coaching").text()).contains("no more peer-coaching pairings");
        assertThat(first.say("my pairings").get(0).toString())
                .contains("You've opted out");
        assertThat(first.say("opt in").text()).contains("from the next round");
    }

    @Test
    void pairsSummaryIsHiddenBelowTheThresholdShownAtItAuditedAndOnlyForCoaches() {
        CLOCK.set(Instant.parse("2027-04-04T12:00:00Z"));
        List<Person> people = programme(7);
        savePlan("1", "cross-role", "4", "2", "");
        CLOCK.set(Instant.parse("2027-04-05T09:00:00Z"));
        run();
        CLOCK.set(Instant.parse("2027-04-07T09:00:00Z"));
        run();
        List<Person> inPairs = people.stream().filter(p -> partnersOf(p, people).size() == 1).toList();
        Person inTrio = people.stream().filter(p -> partnersOf(p, people).size() == 2).findFirst().orElseThrow();
        assertThat(inPairs).hasSize(4);
        int[] ratings = {4, 5, 3, 4};
        for (int i = 0; i < 4; i++) {
            answer(inPairs.get(i), "YES", Integer.toString(ratings[i]));
        }

        String hidden = pairsCard();
        assertThat(hidden).contains("Pairs and trios that met").contains("hidden: fewer than 5 people so far")
                .doesNotContain("that answered the follow-up").doesNotContain("on average");
        assertThat(hidden).as("coverage is over the seven people paired").contains("Cross-role pairs");

        answer(inTrio, "YES", "4");
        String shown = pairsCard();
        // Everyone who answered met: "3 of the 3" would tell the coach each person's answer.
        assertThat(shown).contains("Pairs and trios that met")
                .contains("hidden: too few on one side to show without giving answers away")
                .doesNotContain("3 of the 3").contains("4.0 on average").contains("People by usefulness")
                .contains("Cross-role pairs").contains("People who have met another organisation");
        assertThat(shown).doesNotContain(people.get(0).name());
        List<Integer> audited = db.queryForList("select people_included from audit_event where kind = 'PAIRS' "
                + "and programme_id = ? order by id", Integer.class, programmeId);
        assertThat(audited).containsExactly(7, 7);

        assertThat(people.get(0).say("pairs").text()).contains("only for the coaches");

        // A programme of four: nothing can be shown at all; the read is still in the audit, naming nobody.
        long bigger = programmeId;
        List<Person> four = programme(4);
        savePlan("1", "cross-role", "4", "2", "");
        assertThat(coach.say("pair now").text()).contains("the pairs are formed").doesNotContain("2 pairs");
        CLOCK.advance(Duration.ofDays(2));
        run();
        four.forEach(p -> answer(p, "YES", "5"));
        String small = pairsCard();
        assertThat(small).doesNotContain("on average").doesNotContain("that answered").doesNotContain("People who have");
        assertThat(db.queryForList("select people_included from audit_event where kind = 'PAIRS' and programme_id = ?",
                Integer.class, programmeId)).containsExactly(0);
        assertThat(db.queryForObject("select count(*) from audit_subject s join audit_event e on e.id = "
                + "s.audit_event_id where e.kind = 'PAIRS' and e.programme_id = ?", Integer.class, programmeId)).isZero();
        assertThat(bigger).isNotEqualTo(programmeId);
    }

    @Test
    void erasureTakesAPersonOutOfEveryPairingTableAndLeavesTheirPartnersHistory() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
        // Ids no other column holds by chance, so every column of every table can be searched for the leaver.
        long distinctive = 800_000_000L + db.queryForObject("select coalesce(max(id), 0) from participant", Long.class);
        db.execute("alter table participant alter column id restart with " + distinctive);
        List<Person> people = programme(4);
        Person leaver = people.get(0);
        long leaverId = leaver.id();
        assertThat(leaverId).isGreaterThan(distinctive);
        assertThat(forbid(leaver, people.get(3))).contains("will never be paired");
        savePlan("1", "same-role", "4", "2", "");
        CLOCK.set(Instant.parse("2027-05-03T09:00:00Z"));
        run();
        CLOCK.set(Instant.parse("2027-05-05T09:00:00Z"));
        run();
        Person partner = only(partnersOf(leaver, people));
        answer(leaver, "YES", "5", "Listen for the question under the question");

        JsonNode export = com.waymark.support.ExportedJson.of(leaver.say("my data")).path("peerCoaching");
        assertThat(export.path("rounds").path(0).path("partners").path(0).path("name").asText())
                .isEqualTo(partner.name());
        assertThat(export.path("followUpAnswers").path(0).path("oneThingYouWillDoDifferently").asText())
                .isEqualTo("Listen for the question under the question");
        // The rule is about the leaver, so it is theirs to see; who the coach keeps them from is not.
        assertThat(export.path("pairingRulesAboutYou").path(0).path("rule").asText()).contains("one particular other");
        assertThat(export.toString()).doesNotContain(people.get(3).name());

        assertThat(leaver.say("opt out of peer coaching").text()).contains("no more peer-coaching pairings");
        // The note is stored encrypted: the scan looks for its exact ciphertext, which must go as surely as the text.
        String storedNote = db.queryForObject("select one_thing from pairing_follow_up where participant_id = ? "
                + "and one_thing is not null", String.class, leaverId);
        assertThat(cipher.decrypt(storedNote)).isEqualTo("Listen for the question under the question");
        List<String> needles = List.of(leaver.name(), leaver.aadObjectId(), storedNote);
        List<String> before = scanEveryTable(needles, leaverId);
        assertThat(List.of("PAIRING_MEMBER.PARTICIPANT_ID", "PAIRING_FOLLOW_UP.PARTICIPANT_ID",
                "PAIRING_FOLLOW_UP.ONE_THING", "PAIRING_OPT_OUT.PARTICIPANT_ID", "FORBIDDEN_PAIR.LOW_ID"))
                .allSatisfy(column -> assertThat(before).anySatisfy(hit -> assertThat(hit).startsWith(column + " ")));

        leaver.click(JSON.createObjectNode().put("action", "confirmErase")).shown();
        assertThat(scanEveryTable(needles, leaverId)).as("rows still holding something of the erased person").isEmpty();
        for (String table : List.of("pairing_member", "pairing_follow_up", "pairing_opt_out")) {
            assertThat(db.queryForObject("select count(*) from " + table + " where participant_id = ?", Integer.class,
                    leaverId)).as(table).isZero();
        }
        assertThat(db.queryForObject("select count(*) from forbidden_pair where low_id = ? or high_id = ?",
                Integer.class, leaverId, leaverId)).isZero();
        assertThat(db.queryForObject("select count(*) from outbox_message where payload like ? or payload like ?",
                Integer.class, "%" + leaver.name() + "%", "%Listen for the question%")).isZero();
        // The partner's round stays, with them alone in the group, and their own history still reads well.
        assertThat(db.queryForObject("select count(*) from pairing_member where participant_id = ? and group_id is "
                + "not null", Integer.class, partner.id())).isOne();
        assertThat(partner.say("my pairings").get(0).toString())
                .contains("a partner who has since left Waymark");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Every text and whole-number column of every table, searched for the needles and the id. */
    List<String> scanEveryTable(List<String> needles, long participantId) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : db.queryForList("select table_name, column_name, data_type from "
                + "information_schema.columns where table_schema = 'PUBLIC' order by table_name, column_name")) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            String type = (String) column.get("DATA_TYPE");
            String from = " from \"" + table + "\" where \"" + name + "\"";
            if (List.of("CHARACTER VARYING", "CHARACTER", "CHARACTER LARGE OBJECT").contains(type)) {
                for (String needle : needles) {
                    if (db.queryForObject("select count(*)" + from + " like ?", Integer.class, "%" + needle + "%") > 0) {
                        found.add(table + "." + name + " contains " + needle);
                    }
                }
            } else if (List.of("BIGINT", "INTEGER").contains(type)
                    && db.queryForObject("select count(*)" + from + " = ?", Integer.class, participantId) > 0) {
                found.add(table + "." + name + " = " + participantId);
            }
        }
        return found;
    }

    /** A fresh coach and programme with {@code size} people who agreed to the notice, with roles and organisations. */
    List<Person> programme(int size) {
        Cohort cohort = chat.cohort("Cohort", size);
        coach = cohort.coach();
        code = coach.joinCode();
        programmeId = coach.programmeId();
        for (int i = 0; i < size; i++) {
            describe(cohort.member(i), i, null);
        }
        return cohort.members();
    }

    void describe(Person person, int index, Long lineManager) {
        ObjectNode data = Chat.action("describeMember").put("participantId", Long.toString(person.id()))
                .put("role", ROLES.get(index % ROLES.size())).put("organisation", ORGS.get(index % ORGS.size()));
        if (lineManager != null) {
            data.put("lineManagerId", Long.toString(lineManager));
        }
        assertThat(coach.click(data).shown()).startsWith("Saved");
    }

    /** Chooses the two people on the coach's own forbid-pair card, as a coach would. */
    String forbid(Person first, Person second) {
        JsonNode card = coach.say("forbid pair").get(0)
                .path("attachments").path(0).path("content");
        return coach.click(JSON.createObjectNode().put("action", "forbidPair")
                .put("first", CardChoices.valueOf(card, "first", first.name()))
                .put("second", CardChoices.valueOf(card, "second", second.name()))).shown();
    }

    void savePlan(String everyWeeks, String mode, String rounds, String followUpDays, String groupId) {
        String card = coach.say("peer coaching").get(0).toString();
        assertThat(card).contains("Set up peer coaching");
        ObjectNode save = JSON.createObjectNode().put("action", "savePeerCoaching").put("everyWeeks", everyWeeks)
                .put("weekday", "MONDAY").put("time", "09:00").put("mode", mode).put("totalRounds", rounds)
                .put("followUpDays", followUpDays).put("groupId", groupId);
        assertThat(coach.click(save).shown()).startsWith("Saved: peer coaching");
    }

    void answer(Person person, String met, String usefulness) {
        answer(person, met, usefulness, null);
    }

    void answer(Person person, String met, String usefulness, String oneThing) {
        ObjectNode data = submitData(followUpCard(person), "pairingFollowUp").deepCopy().put("met", met)
                .put("usefulness", usefulness);
        if (oneThing != null) {
            data.put("oneThing", oneThing);
        }
        assertThat(person.click(data).shown()).contains("Thank");
    }

    String pairsCard() {
        JsonNode reply = coach.say("pairs").get(0);
        CardSchema.assertCardsValid(reply);
        return reply.toString();
    }

    void run() {
        rounds.tick();
        worker.drainAll();
    }

    /** What the connector received for these people, whose idempotency key starts with the prefix. */
    List<JsonNode> sent(List<Person> users, String keyPrefix) {
        List<String> ids = users.stream().map(Person::conversationId).toList();
        return CONNECTOR.sentActivities().stream()
                .filter(a -> ids.contains(a.path("conversation").path("id").asText()))
                .filter(a -> a.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText().startsWith(keyPrefix))
                .toList();
    }

    JsonNode followUpCard(Person person) {
        List<JsonNode> cards = sent(List.of(person), "pairing-followup:");
        return cards.get(cards.size() - 1).path("attachments").path(0).path("content");
    }

    /** The person's current partners, from the stored round. */
    List<Person> partnersOf(Person person, List<Person> among) {
        long id = person.id();
        List<Long> partnerIds = db.queryForList("select o.participant_id from pairing_member me join pairing_member o "
                + "on o.group_id = me.group_id and o.id <> me.id where me.participant_id = ? and me.status = 'PAIRED' "
                + "and o.status = 'PAIRED' and me.round_id = (select max(round_id) from pairing_member where "
                + "participant_id = ?)", Long.class, id, id);
        return among.stream().filter(u -> partnerIds.contains(u.id())).toList();
    }

    long lastRoundOf(long programme) {
        return db.queryForObject("select max(id) from pairing_round where programme_id = ?", Long.class, programme);
    }

    List<Integer> groupSizes(long roundId) {
        return db.queryForList("select count(*) from pairing_member where round_id = ? and group_id is not null "
                + "group by group_id order by count(*)", Integer.class, roundId);
    }

    /** Every group of the programme, as sorted participant ids. */
    List<List<Long>> groupsOf(long programme) {
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        db.query("select m.group_id, m.participant_id from pairing_member m join pairing_round r on r.id = m.round_id "
                + "where r.programme_id = ? and m.group_id is not null order by m.group_id, m.participant_id",
                rs -> {
                    groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }, programme);
        return new ArrayList<>(groups.values());
    }

    static JsonNode action(JsonNode card, String type) {
        for (JsonNode action : card.path("actions")) {
            if (type.equals(action.path("type").asText())) {
                return action;
            }
        }
        throw new AssertionError("no " + type + " in " + card);
    }

    static ObjectNode submitData(JsonNode card, String actionName) {
        for (JsonNode action : card.path("actions")) {
            if (actionName.equals(action.path("data").path("action").asText())) {
                return (ObjectNode) action.path("data");
            }
        }
        throw new AssertionError("no " + actionName + " action in " + card);
    }

    static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
