package com.waymark.insight;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * {@link DigestNarrator} through a Spring AI chat model. Each call sends two messages: fixed instructions, and the
 * caller's terms or aggregate lines as they are; nothing else (ReflectionEmbeddingsTest's sibling,
 * SpringAiNarratorTest, checks the request byte for byte). Replies are trimmed to a name or a paragraph; anything
 * else, a failure or a time-out is an empty answer. Meter: {@code waymark.insight.llm} by call and outcome.
 */
final class SpringAiNarrator implements DigestNarrator {

    private static final Logger log = LoggerFactory.getLogger(SpringAiNarrator.class);

    static final String NAME_INSTRUCTIONS = "You name themes for a coach of a leadership programme for health and care "
            + "leaders. You are given a theme's most distinctive words and its current name. Reply with a better short "
            + "name for the theme, two to five words in sentence case, and nothing else.";
    static final String SUMMARY_INSTRUCTIONS = "You help a leadership coach prepare for a group session with health and "
            + "care leaders. You are given team-level figures that are already anonymised. Write one short paragraph, "
            + "at most 90 words, in plain British English, saying what stands out and what the coach might explore. "
            + "Use only the figures given. Do not invent people, quotes or numbers, and do not name or single out "
            + "anyone. Reply with the paragraph only.";
    static final int MAX_NAME_CHARS = 60;
    static final int MAX_SUMMARY_CHARS = 1200;

    private final ChatModel chat;
    private final MeterRegistry meters;

    SpringAiNarrator(ChatModel chat, MeterRegistry meters) {
        this.chat = chat;
        this.meters = meters;
    }

    @Override
    public Optional<String> nameTheme(List<String> topTerms, String currentName) {
        if (topTerms.isEmpty()) {
            return Optional.empty();
        }
        String user = "Distinctive words: " + String.join(", ", topTerms) + "\nCurrent name: "
                + (currentName == null || currentName.isBlank() ? "(none)" : currentName);
        return call("name-theme", () -> ask(NAME_INSTRUCTIONS, user), SpringAiNarrator::asName);
    }

    @Override
    public Optional<String> summarise(String programmeName, List<String> aggregateLines) {
        if (aggregateLines.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder user = new StringBuilder("Programme: ").append(programmeName).append("\nFigures:");
        aggregateLines.forEach(line -> user.append("\n- ").append(line));
        return call("summarise", () -> ask(SUMMARY_INSTRUCTIONS, user.toString()), SpringAiNarrator::asParagraph);
    }

    private String ask(String instructions, String content) {
        ChatResponse response = chat.call(new Prompt(List.of(new SystemMessage(instructions), new UserMessage(content))));
        return response == null || response.getResult() == null ? null : response.getResult().getOutput().getText();
    }

    private Optional<String> call(String name, Supplier<String> request, Function<String, Optional<String>> shape) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Optional<String> answer = shape.apply(request.get());
            outcome = answer.isPresent() ? "ok" : "empty";
            return answer;
        } catch (RuntimeException e) {
            // The type only: a client error's message can quote the request, which holds the aggregates.
            log.warn("The LLM narrator's {} call failed ({}); the digest goes out without it", name,
                    e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            sample.stop(Timer.builder("waymark.insight.llm").description("Calls to the optional LLM narrator")
                    .tag("call", name).tag("outcome", outcome).register(meters));
        }
    }

    /** The first line, without quotes, markup or a closing full stop; a short name or nothing. */
    static Optional<String> asName(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String line = reply.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("")
                .replaceAll("^[\\s\"'*#`“”‘’-]+|[\\s\"'*#`“”‘’.]+$", "").replaceAll("\\s+", " ");
        return line.isEmpty() || line.length() > MAX_NAME_CHARS ? Optional.empty() : Optional.of(line);
    }

    /** One paragraph: whitespace folded, cut at the last full sentence under the limit. */
    static Optional<String> asParagraph(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String text = reply.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_SUMMARY_CHARS) {
            String cut = text.substring(0, MAX_SUMMARY_CHARS);
            int end = cut.lastIndexOf(". ");
            text = end > 0 ? cut.substring(0, end + 1) : cut;
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
