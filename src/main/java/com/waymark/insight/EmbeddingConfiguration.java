package com.waymark.insight;

import java.util.List;

import com.waymark.insight.themes.Embedder;
import com.waymark.insight.themes.OnnxEmbedder;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.insight.themes.ThemeTaxonomy;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The one embedding model of the application and the theme pipeline over it, plus the backfill's Quartz job (which
 * then marks the programmes with recent reflections for {@link ThemePrecompute}).
 * <p>
 * The models load on the first text embedded, not at start-up ({@link LazyEmbedder}). The pipeline embeds its
 * taxonomy's exemplars when built, so it is a lazy bean: ask for it through {@code ObjectProvider<ThemePipeline>}
 * when a digest runs, and start-up never pays for it.
 */
@Configuration
@EnableConfigurationProperties(InsightSettings.class)
class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    LazyEmbedder embedder(InsightSettings settings) {
        int threads = settings.embeddings().threads();
        return new LazyEmbedder(List.of(OnnxEmbedder.Model.BGE_SMALL, OnnxEmbedder.Model.MINILM),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    @Bean
    @Lazy
    ThemePipeline themePipeline(Embedder embedder) {
        return new ThemePipeline(embedder, ThemeTaxonomy.bundled());
    }

    /** Fires on one instance of the cluster at a time; a run that is still going when the next is due is skipped. */
    @DisallowConcurrentExecution
    public static class EmbeddingBackfillJob implements Job {

        private final EmbeddingBackfill backfill;
        private final ThemePrecompute precompute;

        public EmbeddingBackfillJob(EmbeddingBackfill backfill, ThemePrecompute precompute) {
            this.backfill = backfill;
            this.precompute = precompute;
        }

        /** Once the reflections have their embeddings, the themes over them are clustered ahead. */
        @Override
        public void execute(JobExecutionContext context) {
            backfill.run();
            precompute.markRecent();
        }
    }

    @Bean
    JobDetail embeddingBackfillJob() {
        return JobBuilder.newJob(EmbeddingBackfillJob.class).withIdentity("embedding-backfill", "waymark")
                .storeDurably().build();
    }

    /** From start-up on (that is when demo data and what a restart lost are found), then every few minutes. */
    @Bean
    Trigger embeddingBackfillTrigger(JobDetail embeddingBackfillJob, InsightSettings settings) {
        int minutes = settings.embeddings().backfillMinutes();
        return TriggerBuilder.newTrigger().forJob(embeddingBackfillJob).withIdentity("embedding-backfill", "waymark")
                .startNow().withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(minutes)
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }
}
