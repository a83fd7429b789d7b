package com.waymark.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One read's view of a programme's release ledger: the figures released before over the read's span, and the
 * figures this read releases. Each figure a coach is about to see asks {@link #release}; the decision is the
 * policy's ({@link ConfidentialityPolicy#mayRelease}), against every figure of the same measure released before
 * over an overlapping period, by any of the programme's staff (coaches compare notes), including earlier figures
 * of this same read. Plain Java, so the rule can be tested in memory; {@link ReleaseLedger} loads and stores it.
 */
public final class Releases {

    /**
     * A released figure.
     *
     * @param measure      what it is and its scope, for example "wellbeing|programme" or "wellbeing|group 7"
     * @param contributors each person (or an erased person's tombstone) and a fingerprint of their records
     */
    public record Entry(String measure, Instant from, Instant to, Map<Long, String> contributors, String value,
                        Instant releasedAt) {

        public Entry {
            contributors = Map.copyOf(contributors);
        }

        boolean overlaps(String otherMeasure, Instant otherFrom, Instant otherTo) {
            return measure.equals(otherMeasure) && from.isBefore(otherTo) && otherFrom.isBefore(to);
        }
    }

    private final ConfidentialityPolicy policy;
    private final Instant now;
    private final List<Entry> entries;
    private final List<Entry> fresh = new ArrayList<>();
    private int heldBack;

    public Releases(ConfidentialityPolicy policy, Collection<Entry> releasedBefore, Instant now) {
        this.policy = policy;
        this.now = now;
        this.entries = new ArrayList<>(releasedBefore);
    }

    /** A ledger with nothing released yet: for reports that are never shown (and for tests). */
    public static Releases empty(ConfidentialityPolicy policy, Instant now) {
        return new Releases(policy, List.of(), now);
    }

    /**
     * Whether this figure may be shown. When it may, it joins the ledger (once: the same contributors, period and
     * value released again add nothing); when it may not, it is counted as held back.
     */
    public boolean release(String measure, Instant from, Instant to, Map<Long, String> contributors, String value) {
        List<Map<Long, String>> before = entries.stream().filter(e -> e.overlaps(measure, from, to))
                .map(Entry::contributors).toList();
        if (!policy.mayRelease(contributors, before)) {
            heldBack++;
            return false;
        }
        boolean known = entries.stream().anyMatch(e -> e.measure().equals(measure) && e.from().equals(from)
                && e.to().equals(to) && e.value().equals(value) && e.contributors().equals(contributors));
        if (!known) {
            Entry entry = new Entry(measure, from, to, contributors, value, now);
            entries.add(entry);
            fresh.add(entry);
        }
        return true;
    }

    /** Figures this read released for the first time: what the ledger must keep. */
    public List<Entry> fresh() {
        return List.copyOf(fresh);
    }

    /** Every figure known to this view, before and now. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Figures this read would have shown but held back under the ledger's rule. */
    public int heldBack() {
        return heldBack;
    }

    /**
     * A fingerprint of one person's contributing records (ids and times, never values), so that a person who
     * adds or changes a record counts as changed. A one-way hash: the ledger keeps no copy of the records.
     */
    public static String fingerprint(Collection<String> recordKeys) {
        return sha256(recordKeys.stream().sorted().collect(Collectors.joining("\n"))).substring(0, 32);
    }

    /** One digest of a whole contributor set, to store a set once however many figures it made. */
    static String digest(Map<Long, String> contributors) {
        return sha256(new TreeMap<>(contributors).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is in every JVM", impossible);
        }
    }
}
