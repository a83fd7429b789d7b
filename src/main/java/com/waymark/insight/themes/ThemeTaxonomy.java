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

    /** One coaching theme. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String name, String definition, List<String> exemplars) {

        public Entry {
            if (id == null || id.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("a theme needs an id and a name");
            }
            definition = definition == null ? "" : definition;
            exemplars = exemplars == null ? List.of() : List.copyOf(exemplars);
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
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("no theme " + id);
        }
        return new ThemeTaxonomy(themes.stream().map(t -> !t.id().equals(id) ? t
                : new Entry(t.id(), t.name(), t.definition(),
                        java.util.stream.Stream.concat(t.exemplars().stream(), more.stream()).toList())).toList());
    }

    public Optional<Entry> find(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
