package com.waymark.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coaches' reports and the digest ({@code waymark.insight.*}; the optional LLM is {@link LlmSettings}).
 *
 * @param notableFall a fall of the team's mean wellbeing or energy against the period before, from which the
 *                    report flags it
 * @param atRiskDays days an action may stay open before it counts as at risk
 * @param questions the coaching question bank the digest's questions come from
 * @param embeddings the sentence embeddings of reflections, for themes
 * @param precompute themes clustered ahead of coaches' reads
 */
@ConfigurationProperties("waymark.insight")
record InsightSettings(@DefaultValue("0.5") double notableFall, @DefaultValue("28") int atRiskDays,
                       @DefaultValue("classpath:insight/questions.json") String questions,
                       @DefaultValue Embeddings embeddings, @DefaultValue Precompute precompute) {

    /**
     * Sentence embeddings of reflections.
     *
     * @param queue reflections waiting to be embedded; beyond that they are left to the backfill
     * @param backfillMinutes how often the backfill looks for reflections without an embedding
     * @param backfillPerRun how many reflections the backfill embeds in one run
     * @param threads threads of the embedding runtime; 0 lets it choose
     */
    record Embeddings(@DefaultValue("1000") int queue, @DefaultValue("5") int backfillMinutes,
                      @DefaultValue("1000") int backfillPerRun, @DefaultValue("0") int threads) {
    }

    /**
     * Themes clustered ahead, so that a coach's report does not wait for them.
     *
     * @param enabled whether this instance clusters ahead at all (reads cluster on the spot otherwise)
     * @param settle how long after a check-in its programme waits before its themes are clustered again, so that a
     *               burst of check-ins costs one clustering
     */
    record Precompute(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration settle) {
    }
}
