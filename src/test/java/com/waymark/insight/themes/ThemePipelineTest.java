package com.waymark.insight.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's logic with a transparent bag-of-words embedder; the ONNX path is in ThemesEvalTest. */
class ThemePipelineTest {

    /** Hashes words into 64 dimensions: texts sharing words are close. */
    static final class BagOfWords implements Embedder {
        @Override
        public String name() {
            return "bag-of-words";
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String text : texts) {
                float[] v = new float[64];
                for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                    if (!w.isEmpty()) {
                        v[Math.floorMod(w.hashCode(), 64)] += 1;
                    }
                }
                out.add(Vectors.normalized(v));
            }
            return out;
        }
    }

    private static final ThemeTaxonomy TAXONOMY = new ThemeTaxonomy(List.of(
            new ThemeTaxonomy.Entry("rest", "Rest", "", List.of("tired sleep", "sleep rest", "rest tired", "tired evening")),
            new ThemeTaxonomy.Entry("money", "Money", "", List.of("budget deficit", "deficit savings", "savings budget",
                    "budget money")),
            new ThemeTaxonomy.Entry("time", "Time", "", List.of("meetings diary", "diary busy", "busy meetings",
                    "meetings calendar")),
            new ThemeTaxonomy.Entry("unused", "Unused", "", List.of("quasar nebula", "nebula comet", "comet quasar"))));

    private static final List<String> COACHING = List.of(
            "tired sleep", "sleep rest", "rest tired", "tired sleep rest", "sleep tired",
            "budget deficit", "deficit savings", "savings budget", "budget deficit savings", "deficit budget",
            "meetings diary", "diary busy", "busy meetings", "meetings diary busy", "diary meetings");

    @Test
    void reflectionsNearTheTaxonomyTakeItsThemesAndNames() {
        List<Theme> themes = new ThemePipeline(new BagOfWords(), TAXONOMY).run(COACHING);
        assertThat(themes).extracting(Theme::name).containsExactlyInAnyOrder("Rest", "Money", "Time");
        Theme money = themes.stream().filter(t -> "money".equals(t.taxonomyId())).findFirst().orElseThrow();
        assertThat(money.members()).containsExactly(5, 6, 7, 8, 9);
        assertThat(money.topTerms()).contains("budget", "deficit");
        assertThat(money.taxonomyMatch()).isGreaterThan(0.3);
        assertThat(themes).extracting(Theme::id).containsExactly(0, 1, 2);
    }

    @Test
    void givenKFoldsTheSmallestThemes() {
        List<Theme> themes = new ThemePipeline(new BagOfWords(), TAXONOMY).run(COACHING, null, OptionalInt.of(2));
        assertThat(themes).hasSize(2);
        assertThat(themes.stream().mapToInt(Theme::size).sum()).isEqualTo(COACHING.size());
    }

    @Test
    void textsFarFromTheTaxonomyAreClusteredWithoutNames() {
        List<String> code = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            code.add("python list comprehension error " + i % 3);
            code.add("java maven dependency build " + i % 3);
        }
        List<Theme> themes = new ThemePipeline(new BagOfWords(), TAXONOMY).run(code);
        assertThat(themes).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> assertThat(t.name()).isNull());
        assertThat(themes.get(0).topTerms()).isNotEmpty();
        List<Theme> plain = new ThemePipeline(new BagOfWords(), ThemeTaxonomy.empty()).run(code);
        assertThat(plain).extracting(Theme::members).isEqualTo(themes.stream().map(Theme::members).toList());
    }

    @Test
    void emptyInputHasNoThemesAndOneTextHasOne() {
        ThemePipeline pipeline = new ThemePipeline(new BagOfWords(), TAXONOMY);
        assertThat(pipeline.run(List.of())).isEmpty();
        assertThat(pipeline.run(List.of("tired sleep"))).singleElement()
                .satisfies(t -> assertThat(t.name()).isEqualTo("Rest"));
    }

    @Test
    void bundledTaxonomyIsWellFormed() {
        ThemeTaxonomy taxonomy = ThemeTaxonomy.bundled();
        assertThat(taxonomy.size()).isGreaterThanOrEqualTo(12);
        assertThat(taxonomy.themes()).allSatisfy(t -> {
            assertThat(t.definition()).isNotBlank();
            assertThat(t.exemplars()).hasSizeGreaterThanOrEqualTo(6);
        });
    }

    @Test
    void coachConfirmedExemplarsExtendATheme() {
        ThemeTaxonomy more = TAXONOMY.withExemplars("time", List.of("rota gaps"));
        assertThat(more.find("time").orElseThrow().exemplars()).endsWith("rota gaps");
        assertThat(TAXONOMY.find("time").orElseThrow().exemplars()).doesNotContain("rota gaps");
        Theme time = new ThemePipeline(new BagOfWords(), more).run(List.of(
                "rota gaps", "rota gaps again", "tired sleep", "sleep rest", "rest tired")).stream()
                .filter(t -> "time".equals(t.taxonomyId())).findFirst().orElseThrow();
        assertThat(time.members()).containsExactly(0, 1);
    }
}
