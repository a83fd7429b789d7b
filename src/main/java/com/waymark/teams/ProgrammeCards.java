package com.waymark.teams;

import com.waymark.teams.membership.MembershipSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waymark.programme.MembershipInfo;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService.MyProgramme;

/**
 * A person's own place in programmes (their details, their programmes) and what the coaches' cards share: how
 * what is recorded about someone reads, and the choices "everyone" and "keep as it is".
 */
public final class ProgrammeCards {

    /** A choice that leaves what is recorded as it is. */
    public static final String KEEP = "";
    /**
     * "Everyone in the programme" on the schedule and peer-coaching cards: a value of its own, because a choice whose
     * value is empty shows as a blank box in Teams, as if nothing were chosen.
     */
    public static final String EVERYONE = "everyone";

    /** The whole programme chosen: "everyone", or nothing at all (a card from before it had its own value). */
    public static boolean everyone(String groupId) {
        return groupId == null || groupId.isBlank() || groupId.strip().equals(EVERYONE);
    }

    private ProgrammeCards() {
    }

    /** Everything a coach can record on the people card, so "each person sees what you record here" holds. */
    public static AdaptiveCard myDetails(Programme programme, String programmeToken, MembershipInfo membership, String groupName,
                                  String lineManagerName) {
        return AdaptiveCard.create().heading("Your details in " + PlainText.of(programme.getName()))
                .text("Your coach recorded: " + describe(membership, groupName) + "; line manager: "
                        + (lineManagerName == null ? "none" : PlainText.of(lineManagerName)) + ".")
                .subtle("Your coach uses these for peer-coaching pairs (never with your line manager) and group "
                        + "summaries. Correct your role and organisation here; for your group or line manager, "
                        + "ask your coach:")
                .field("role", "Role", membership.role(), "e.g. Director of nursing", 120, false)
                .field("organisation", "Organisation", membership.organisation(), "e.g. North Ridge ICB", 200, false)
                .submit("Save", MembershipSlice.CORRECT_DETAILS, Map.of("programmeId", programmeToken));
    }

    public static AdaptiveCard myProgrammes(List<MyProgramme> mine) {
        AdaptiveCard card = AdaptiveCard.create().heading("Your programmes");
        if (mine.isEmpty()) {
            return card.text("You're not in a programme yet. If your coach gave you a code, send \"join\" and the code, "
                    + "for example: join ABC-123");
        }
        mine.forEach(m -> card.text("• " + PlainText.of(m.programme().getName()) + " – " + (m.staffRole() != null
                ? (m.staffRole().name().equals("ADMIN") ? "admin and coach" : "coach")
                : m.membership().isActive() ? "taking part" : "left")));
        return card.subtle("To leave one, say \"leave programme\" and its name.");
    }

    /** "Chair, North Ridge ICB, group East": only what is recorded (dashes for the unknown read as broken). */
    public static String describe(MembershipInfo membership, String groupName) {
        String recorded = recorded(membership, groupName);
        return recorded.isEmpty() ? "no role, organisation or group yet" : recorded;
    }

    /** What is recorded about the person, or nothing: the people list then shows the name alone. */
    public static String recorded(MembershipInfo membership, String groupName) {
        List<String> parts = new ArrayList<>();
        String role = PlainText.of(membership.role());
        String organisation = PlainText.of(membership.organisation());
        if (role != null && !role.isBlank()) {
            parts.add(role);
        }
        if (organisation != null && !organisation.isBlank()) {
            parts.add(organisation);
        }
        if (groupName != null) {
            parts.add("group " + PlainText.of(groupName));
        }
        return String.join(", ", parts);
    }

    /** Names as a list, each as plain text. */
    public static String plainList(List<String> names) {
        return String.join(", ", names.stream().map(PlainText::of).toList());
    }

    /** A dash for what is not recorded. */
    public static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    /** An id chosen from a card's list; anything else (typed, replayed, junk) is asked for again. */
    public static long chosenId(String raw, String what) {
        if (raw == null || !raw.strip().matches("\\d{1,18}")) {
            throw new ProgrammeProblem("Please choose a " + what + " from the list.");
        }
        return Long.parseLong(raw.strip());
    }
}
