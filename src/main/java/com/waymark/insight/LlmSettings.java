package com.waymark.insight;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional LLM behind {@link DigestNarrator} ({@code waymark.insight.llm.*}), spoken to through the
 * OpenAI-compatible chat completions API, which Ollama, Azure OpenAI (its v1 API) and most self-hosted servers
 * offer.
 *
 * @param enabled   off by default: then no client is built and nothing leaves the process
 * @param provider  {@code ollama} (default base URL {@code http://localhost:11434}, no key), {@code azure} (base URL
 *                  {@code https://<resource>.openai.azure.com/openai}, key in the {@code api-key} header, model = the
 *                  deployment name) or {@code openai} (any other OpenAI-compatible server, key as a bearer token)
 * @param baseUrl   the server, without the completions path
 * @param model     the model (or Azure deployment) name
 * @param apiKey    the key, where the server wants one
 * @param completionsPath the chat completions path under the base URL
 * @param timeout   per call (connect and read); a slower answer is dropped
 */
@ConfigurationProperties("waymark.insight.llm")
record LlmSettings(boolean enabled, @DefaultValue("ollama") String provider, String baseUrl, String model,
                   String apiKey, @DefaultValue("/v1/chat/completions") String completionsPath,
                   @DefaultValue("20s") Duration timeout) {

    LlmSettings {
        provider = provider == null || provider.isBlank() ? "ollama" : provider.trim().toLowerCase(Locale.ROOT);
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
        apiKey = blankToNull(apiKey);
        completionsPath = completionsPath == null || completionsPath.isBlank() ? "/v1/chat/completions"
                : completionsPath.trim();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(20) : timeout;
        if (enabled) {
            if (!provider.equals("ollama") && !provider.equals("azure") && !provider.equals("openai")) {
                throw new IllegalArgumentException("waymark.insight.llm.provider is ollama, azure or openai, not '"
                        + provider + "'");
            }
            if (model == null) {
                throw new IllegalArgumentException("waymark.insight.llm.model is needed when the LLM is enabled");
            }
            if (baseUrl == null && !provider.equals("ollama")) {
                throw new IllegalArgumentException("waymark.insight.llm.base-url is needed for provider " + provider);
            }
        }
    }

    String effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : "http://localhost:11434";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
