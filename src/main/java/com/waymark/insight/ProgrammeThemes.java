package com.waymark.insight;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.ThemeFeedback;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.insight.themes.ThemeTaxonomy;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each programme's themes as its coaches have shaped them: renames, merges, "this isn't about X" and "more like
 * this" are stored and replayed on the bundled taxonomy, and the programme's pipeline is rebuilt when they change.
 * Programmes without feedback share the one pipeline.
 */
@Service
public class ProgrammeThemes {

    /** What a coach is told after feedback: the outcome in words. */
    public record Outcome(String message) {
    }

    private record Built(long feedbackVersion, ThemeTaxonomy taxonomy, ThemePipeline pipeline) {
    }

    private final ThemeFeedbackRepository feedback;
    private final Programmes programmes;
    private final ObjectProvider<ThemePipeline> shared;
    private final Embedder embedder;
    private final Clock clock;
    private final Map<Long, Built> built = new ConcurrentHashMap<>();

    public ProgrammeThemes(ThemeFeedbackRepository feedback, Programmes programmes,
                           ObjectProvider<ThemePipeline> shared, Embedder embedder, Clock clock) {
        this.feedback = feedback;
        this.programmes = programmes;
        this.shared = shared;
        this.embedder = embedder;
        this.clock = clock;
    }

    /**
     * The version of this programme's theme feedback (its newest entry's id; 0 with none): a clustering made under
     * another version is not this programme's any more ({@link ThemeResults}).
     */
    long feedbackVersion(long programmeId) {
        List<ThemeFeedbackEntry> entries = feedback.findByProgrammeIdOrderById(programmeId);
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).getId();
    }

    /** The pipeline for this programme's themes, with its coaches' feedback applied. */
    ThemePipeline pipeline(long programmeId) {
        List<ThemeFeedbackEntry> entries = feedback.findByProgrammeIdOrderById(programmeId);
        if (entries.isEmpty()) {
            return shared.getObject();
        }
        long version = entries.get(entries.size() - 1).getId();
        // Another instance may have added feedback: the newest id tells whether what is cached is current.
        return built.compute(programmeId, (id, cached) -> cached != null && cached.feedbackVersion() == version
                ? cached : build(entries, version)).pipeline();
    }

    @Transactional
    public Outcome rename(long coachId, String theme, String newName) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        String clean = newName == null ? "" : newName.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new InsightProblem("Give the new name in a few words (at most 80 characters), for example: "
                    + "rename theme Workload and capacity to Too much, too fast");
        }
        ThemeTaxonomy.Entry entry = find(programme, theme);
        save(programme, coachId, new ThemeFeedback.Rename(entry.id(), clean));
        return new Outcome("Done: \"" + entry.name() + "\" is now called \"" + clean + "\" in \"" + programme.name()
                + "\".");
    }

    @Transactional
    public Outcome merge(long coachId, String theme, String into) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        ThemeTaxonomy.Entry from = find(programme, theme);
        ThemeTaxonomy.Entry to = find(programme, into);
        if (from.id().equals(to.id())) {
            throw new InsightProblem("Those are the same theme already.");
        }
        save(programme, coachId, new ThemeFeedback.Merge(from.id(), to.id()));
        return new Outcome("Done: \"" + from.name() + "\" is folded into \"" + to.name() + "\" from the next report.");
    }

    @Transactional
    public Outcome notAbout(long coachId, String theme, String example) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        ThemeTaxonomy.Entry entry = find(programme, theme);
        save(programme, coachId, new ThemeFeedback.NotAbout(example(example), entry.id()));
        return new Outcome("Thanks: writing like that will count less towards \"" + entry.name() + "\" from the next "
                + "report.");
    }

    @Transactional
    public Outcome moreLike(long coachId, String theme, String example) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        ThemeTaxonomy.Entry entry = find(programme, theme);
        save(programme, coachId, new ThemeFeedback.MoreLike(example(example), entry.id()));
        return new Outcome("Thanks: writing like that will count towards \"" + entry.name() + "\" from the next "
                + "report.");
    }

    private void save(ProgrammeInfo programme, long coachId, ThemeFeedback item) {
        feedback.save(new ThemeFeedbackEntry(programme.id(), item, coachId, clock.instant()));
    }

    private static String example(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() < 10 || clean.length() > 1000) {
            throw new InsightProblem("Give an example sentence after the colon (10 to 1,000 characters), for "
                    + "example: not about Workload and capacity: We celebrated the team's hard work.");
        }
        return clean;
    }

    /** A theme by its current name (after renames) or id, as this programme's coaches see it. */
    private ThemeTaxonomy.Entry find(ProgrammeInfo programme, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        ThemeTaxonomy taxonomy = taxonomy(programme.id());
        return taxonomy.themes().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted) || t.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InsightProblem("There's no theme called \"" + name.strip() + "\". Themes: "
                        + String.join(", ", taxonomy.themes().stream().map(ThemeTaxonomy.Entry::name).toList())
                        + "."));
    }

    private ThemeTaxonomy taxonomy(long programmeId) {
        return ThemeTaxonomy.bundled().withFeedback(feedback.findByProgrammeIdOrderById(programmeId).stream()
                .map(ThemeFeedbackEntry::toFeedback).toList());
    }

    private Built build(List<ThemeFeedbackEntry> entries, long version) {
        ThemeTaxonomy taxonomy = ThemeTaxonomy.bundled()
                .withFeedback(entries.stream().map(ThemeFeedbackEntry::toFeedback).toList());
        return new Built(version, taxonomy, new ThemePipeline(embedder, taxonomy));
    }
}
