package com.waymark.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.waymark.cycle.Progress;
import com.waymark.cycle.SessionPulses;

/**
 * What the coaching cycle's figures ask of the next session, as ids of the question bank's {@code cycle} section: a
 * low pulse item, few commitments done, many in the way. Read only from the cycle section as the policy released it to
 * this coach ({@link SessionPulses}): a hidden pulse has no figures and a hidden count is null, so nothing hidden can
 * change the questions (which would tell the coach what it hid).
 */
final class CycleSignals {

    /** A pulse item's mean below this (of 1 to 5) is low: below the middle of the scale. */
    static final double LOW = 3.0;
    /** At most this many of the digest's questions come from the cycle: the themes keep a place. */
    static final int MOST = 2;

    static final String UNSAID = "cycle-said-what-they-thought-low";
    static final String OFF_TARGET = "cycle-worked-on-what-mattered-low";
    static final String EMPTY_HANDED = "cycle-leave-with-something-low";
    static final String FEW_DONE = "cycle-few-commitments-done";
    static final String IN_THE_WAY = "cycle-commitments-in-the-way";

    private CycleSignals() {
    }

    /** The signals of the latest session whose figures were shown, lowest pulse item first; none for no section. */
    static List<String> of(SessionPulses.CycleReport cycle) {
        if (cycle == null) {
            return List.of();
        }
        List<String> signals = new ArrayList<>();
        cycle.pulses().stream().filter(SessionPulses.SessionPulse::shown).reduce((first, second) -> second)
                .ifPresent(pulse -> {
                    record Item(String id, double mean) {
                    }
                    List.of(new Item(UNSAID, pulse.saidWhatIThought()),
                                    new Item(OFF_TARGET, pulse.workedOnWhatMattered()),
                                    new Item(EMPTY_HANDED, pulse.leaveWithSomething())).stream()
                            .filter(item -> item.mean() < LOW)
                            .sorted(Comparator.comparingDouble(Item::mean))
                            .forEach(item -> signals.add(item.id()));
                });
        cycle.commitments().stream().filter(c -> c.shown() && c.made() > 0).reduce((first, second) -> second)
                .ifPresent(made -> {
                    Map<Progress, Integer> progress = made.progress();
                    Integer done = progress.get(Progress.DONE);
                    Integer inTheWay = progress.get(Progress.IN_THE_WAY);
                    // A null count was hidden: it says nothing, and must say nothing here either.
                    if (inTheWay != null && inTheWay * 4 >= made.made() && inTheWay > 0) {
                        signals.add(IN_THE_WAY);
                    }
                    if (done != null && done * 3 <= made.made()) {
                        signals.add(FEW_DONE);
                    }
                });
        return signals.subList(0, Math.min(MOST, signals.size()));
    }
}
