package com.waymark.insight;

import java.util.List;

import com.waymark.insight.themes.CombinedEmbedder;
import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.insight.themes.ThemeTaxonomy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process theme pipeline: both sentence models side by side, and the bundled taxonomy. */
@Configuration(proxyBeanMethods = false)
class InsightConfiguration {

    @Bean(destroyMethod = "")
    Embedder reflectionEmbedder() {
        return new CombinedEmbedder(List.of(new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL),
                new OnnxEmbedder(OnnxEmbedder.Model.MINILM)));
    }

    @Bean
    ThemePipeline themePipeline(Embedder embedder) {
        return new ThemePipeline(embedder, ThemeTaxonomy.bundled());
    }
}
