/**
 * The theme pipeline: which coaching themes run through a set of reflections.
 * <p>
 * {@link com.waymark.insight.themes.ThemePipeline} is the entry point: texts (and, optionally, their
 * stored embeddings) in, {@link com.waymark.insight.themes.Theme}s out, each with member indexes, its
 * most distinctive terms ({@link com.waymark.insight.themes.ThemeLabeller}, class-based TF-IDF over
 * Lucene stems and phrases) and, where it matches, a name from our editable
 * {@link com.waymark.insight.themes.ThemeTaxonomy}. Sentence vectors come from small ONNX models
 * shipped in jars ({@link com.waymark.insight.themes.OnnxEmbedder}), two of them side by side
 * ({@link com.waymark.insight.themes.CombinedEmbedder}).
 * <p>
 * <b>Coach feedback.</b> {@link com.waymark.insight.themes.ThemeFeedback} values say what a coach told us
 * about the themes; {@link com.waymark.insight.themes.ThemeTaxonomy#withFeedback(java.util.List)} applies
 * them, in order, to a taxonomy, and a pipeline built on the result learns from them:
 * <ul>
 * <li>{@code Rename(themeId, newName)}: the theme's display name; nothing else changes.</li>
 * <li>{@code Merge(themeId, intoId)}: the first theme is folded into the second, which keeps its id and
 * name and gains the other's definition and exemplars; later feedback about the merged id follows it.</li>
 * <li>{@code NotAbout(text, themeId)}: the text becomes a counter-example; a text closer to it than to
 * the theme's own nearest description loses the difference from its score for that theme.</li>
 * <li>{@code MoreLike(text, themeId)}: the text becomes an exemplar of the theme.</li>
 * </ul>
 * Themes are named by taxonomy id and texts by their words (not by an index into one run), so stored
 * feedback stays valid across periods; feedback about a theme that no longer exists is skipped. For
 * example: {@code new ThemePipeline(embedder, ThemeTaxonomy.bundled().withFeedback(programmeFeedback))}.
 * <p>
 * <b>Scale.</b> With stored vectors ({@code run(texts, embeddings, k)}) every step is linear in the
 * number of texts: the taxonomy match per text, the on-topic test against a fixed 500-text reference,
 * and unsupervised clustering that chooses k on a 2,000-text sample and fits on at most 20,000 before
 * assigning the rest. Build one pipeline per taxonomy and reuse it: building embeds the taxonomy.
 * <p>
 * Plain Java, no Spring and no Bot Framework: the bot and the batch jobs wrap it. How it was tuned and
 * what it scores: {@code src/main/resources/eval/README.md}; to measure it,
 * {@code java -jar waymark.jar themes-eval FILE [--k N]}.
 */
@NamedInterface("themes")
package com.waymark.insight.themes;

import org.springframework.modulith.NamedInterface;
