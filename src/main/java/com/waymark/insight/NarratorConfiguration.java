package com.waymark.insight;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Which {@link DigestNarrator}: none (the default) or an LLM. The Spring AI client is built here by hand, only when
 * enabled: its auto-configuration is not on the classpath, so with the LLM off nothing of it starts.
 */
@Configuration
@EnableConfigurationProperties(LlmSettings.class)
class NarratorConfiguration {

    /**
     * The in-process default (the pipeline's own names and no generated paragraph), or the LLM when enabled. Chosen
     * here, at run time, not by a condition on the bean: the production start uses Spring AOT, whose bean definitions
     * are fixed when the jar is built, and the LLM is switched on where it runs.
     */
    @Bean
    DigestNarrator digestNarrator(LlmSettings settings, MeterRegistry meters) {
        return settings.enabled() ? new SpringAiNarrator(chatModel(settings), meters) : new InProcessNarrator();
    }

    /** No LLM: nothing leaves the process, and the digest keeps its own theme names. */
    private static final class InProcessNarrator implements DigestNarrator {

        @Override
        public Optional<String> nameTheme(List<String> topTerms, String currentName) {
            return Optional.empty();
        }

        @Override
        public Optional<String> summarise(String programmeName, List<String> aggregateLines) {
            return Optional.empty();
        }
    }

    static OpenAiChatModel chatModel(LlmSettings settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        LinkedMultiValueMap<String, String> headers = new LinkedMultiValueMap<>();
        OpenAiApi.Builder api = OpenAiApi.builder().baseUrl(settings.effectiveBaseUrl())
                .completionsPath(settings.completionsPath())
                .restClientBuilder(RestClient.builder().requestFactory(requests))
                .webClientBuilder(WebClient.builder());
        if (settings.apiKey() != null && settings.provider().equals("azure")) {
            headers.add("api-key", settings.apiKey());
            api.apiKey(new NoopApiKey());
        } else if (settings.apiKey() != null) {
            api.apiKey(settings.apiKey());
        } else {
            api.apiKey(new NoopApiKey());
        }
        api.headers(headers);
        return OpenAiChatModel.builder().openAiApi(api.build())
                .defaultOptions(OpenAiChatOptions.builder().model(settings.model()).temperature(0.2).maxTokens(300)
                        .build())
                // One try: a digest is not worth waiting on retries, and the next digest asks again.
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
    }
}
