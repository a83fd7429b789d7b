package com.waymark.insight.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our editable list of coaching themes ({@code themes/taxonomy.json}): each with a display name, a
 * one-line definition and a handful of exemplar reflections written in our own words. The pipeline
 * uses the exemplars as weak supervision and to name the themes it finds.
 */
public record ThemeTaxonomy(List<Entry> themes) {

    public static final String RESOURCE = "/themes/taxonomy.json";

    /**
     * One coaching theme.
     *
     * @param notAbout counter-examples: texts a coach said are not about this theme (see
     *                 {@link ThemeFeedback.NotAbout}); empty in the shipped file
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String name, String definition, List<String> exemplars, List<String> notAbout) {

        public Entry {
            if (id == null || id.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("a theme needs an id and a name");
            }
            definition = definition == null ? "" : definition;
            exemplars = exemplars == null ? List.of() : List.copyOf(exemplars);
            notAbout = notAbout == null ? List.of() : List.copyOf(notAbout);
        }

        public Entry(String id, String name, String definition, List<String> exemplars) {
            this(id, name, definition, exemplars, List.of());
        }

        /** The texts that describe the theme: its definition and its exemplars. */
        public List<String> descriptions() {
            return definition.isBlank() ? exemplars
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(definition), exemplars.stream()).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(List<Entry> themes) {
    }

    public ThemeTaxonomy {
        themes = List.copyOf(themes);
        Set<String> ids = new HashSet<>();
        for (Entry e : themes) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate theme id " + e.id());
            }
        }
    }

    public static ThemeTaxonomy empty() {
        return new ThemeTaxonomy(List.of());
    }

    /** The taxonomy shipped in the jar. */
    public static ThemeTaxonomy bundled() {
        try (InputStream in = ThemeTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ThemeTaxonomy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static ThemeTaxonomy read(InputStream in) throws IOException {
        return new ThemeTaxonomy(new ObjectMapper().readValue(in, File.class).themes());
    }

    public boolean isEmpty() {
        return themes.isEmpty();
    }

    public int size() {
        return themes.size();
    }

    /**
     * A copy with more exemplars for one theme: how a coach's confirmation ("yes, this reflection is
     * about delegation") becomes weak supervision for the next run.
     */
    public ThemeTaxonomy withExemplars(String id, List<String> more) {
        return replace(id, t -> new Entry(t.id(), t.name(), t.definition(), concat(t.exemplars(), more), t.notAbout()));
    }

    /**
     * A copy with a coach's feedback applied in order: renames, merges, counter-examples and exemplars
     * (see {@link ThemeFeedback}). Feedback about a theme that no longer exists (merged away or removed
     * from the file) is skipped, so stored feedback survives edits of the taxonomy; a rename or
     * exemplar for a merged theme follows it into the theme it was merged into.
     */
    public ThemeTaxonomy withFeedback(List<? extends ThemeFeedback> feedback) {
        ThemeTaxonomy result = this;
        java.util.Map<String, String> mergedInto = new java.util.HashMap<>();
        for (ThemeFeedback f : feedback) {
            String id = f.themeId();
            while (mergedInto.containsKey(id)) {
                id = mergedInto.get(id);
            }
            if (result.find(id).isEmpty()) {
                continue;
            }
            if (f instanceof ThemeFeedback.Rename rename) {
                result = result.replace(id, t -> new Entry(t.id(), rename.newName(), t.definition(), t.exemplars(),
                        t.notAbout()));
            } else if (f instanceof ThemeFeedback.MoreLike more) {
                result = result.withExemplars(id, List.of(more.text()));
            } else if (f instanceof ThemeFeedback.NotAbout not) {
                result = result.replace(id, t -> new Entry(t.id(), t.name(), t.definition(), t.exemplars(),
                        concat(t.notAbout(), List.of(not.text()))));
            } else if (f instanceof ThemeFeedback.Merge merge) {
                String into = merge.intoId();
                while (mergedInto.containsKey(into)) {
                    into = mergedInto.get(into);
                }
                if (into.equals(id) || result.find(into).isEmpty()) {
                    continue;
                }
                Entry gone = result.find(id).orElseThrow();
                List<String> absorbed = gone.definition().isBlank() ? gone.exemplars()
                        : concat(List.of(gone.definition()), gone.exemplars());
                result = result.replace(into, t -> new Entry(t.id(), t.name(), t.definition(),
                        concat(t.exemplars(), absorbed), concat(t.notAbout(), gone.notAbout())));
                final String removed = id;
                result = new ThemeTaxonomy(result.themes.stream().filter(t -> !t.id().equals(removed)).toList());
                mergedInto.put(id, into);
            }
        }
        return result;
    }

    private ThemeTaxonomy replace(String id, java.util.function.UnaryOperator<Entry> change) {
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("no theme " + id);
        }
        return new ThemeTaxonomy(themes.stream().map(t -> t.id().equals(id) ? change.apply(t) : t).toList());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    public Optional<Entry> find(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
