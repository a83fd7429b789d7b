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
 * Plain Java, no Spring and no Bot Framework: the bot and the batch jobs wrap it. How it was tuned and
 * what it scores: {@code src/main/resources/eval/README.md}; to measure it,
 * {@code java -jar waymark.jar themes-eval FILE [--k N]}.
 */
@NamedInterface("themes")
package com.waymark.insight.themes;

import org.springframework.modulith.NamedInterface;
