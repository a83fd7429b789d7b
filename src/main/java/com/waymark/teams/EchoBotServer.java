package com.waymark.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.waymark.ops.Foreground;
import com.waymark.teams.BotFrameworkConfiguration.TenantAwareAdapter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A bare echo bot on exactly Waymark's edge: the same SDK adapter with its middleware (built by
 * {@link BotFrameworkConfiguration}), the same {@link BotController} with its limits, meters and redelivery check
 * (kept in memory here: no database), the same per-person rate limiter, Tomcat and Spring MVC; no domain. The load
 * benchmark's floor: Waymark's latency over this one is what the coaching work costs.
 * <p>
 * Never part of the Waymark application: nothing here is a {@code @Component} or {@code @Configuration}, so the
 * application's component scan passes it by. Its own small Spring Boot context is built only by {@link #start}.
 */
public final class EchoBotServer implements AutoCloseable {

    /**
     * Waymark's {@code server.tomcat.threads.max} (application.yml): how many turns run at once, the rest waiting their
     * turn in order, which shapes latency under load; the echo bot is served the same way (EchoBotServerTest).
     */
    static final String TOMCAT_THREADS = "32";

    private final ConfigurableApplicationContext context;

    private EchoBotServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the echo bot in local mode (no authentication, loopback only) on {@code --server.port} (default: a
     * free port). Waymark's {@code application.yml} is not read; {@code --waymark.bot.*} arguments are.
     */
    public static EchoBotServer start(String... args) {
        return start(List.of(), args);
    }

    /**
     * As {@link #start(String...)}, with {@code sources} added to the echo bot's context: for a benchmark that
     * measures what a layer of the stack adds to it.
     */
    public static EchoBotServer start(List<Class<?>> sources, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.config.name=waymark-echo-bench",
                "--spring.main.banner-mode=off", "--server.address=127.0.0.1"));
        addUnlessGiven(all, args, "--server.port=", "0");
        addUnlessGiven(all, args, "--server.tomcat.threads.max=", TOMCAT_THREADS);
        all.addAll(Arrays.asList(args));
        return new EchoBotServer(new SpringApplicationBuilder(EchoApplication.class)
                .sources(sources.toArray(Class[]::new)).web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run(all.toArray(String[]::new)));
    }

    /** A second value on the command line would not replace a first but make a list of both: so one or the other. */
    private static void addUnlessGiven(List<String> all, String[] args, String prefix, String value) {
        if (Arrays.stream(args).noneMatch(a -> a.startsWith(prefix))) {
            all.add(prefix + value);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Its beans of a type, by name: for a benchmark's test to see what a layer added to it. */
    public <T> Map<String, T> beansOfType(Class<T> type) {
        return context.getBeansOfType(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Only the web stack: embedded Tomcat, Spring MVC and Jackson, as Waymark has them. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @EnableConfigurationProperties(BotSettings.class)
    static class EchoApplication {

        @Bean
        Clock echoClock() {
            return Clock.systemUTC();
        }

        @Bean
        BotMetrics echoMetrics() {
            return new BotMetrics(new SimpleMeterRegistry());
        }

        @Bean
        InboundRateLimiter echoRateLimiter(BotSettings settings, Clock clock) {
            return new InboundRateLimiter(settings, clock);
        }

        @Bean
        TenantAwareAdapter echoAdapter(BotSettings settings, BotMetrics metrics, InboundRateLimiter rateLimiter) {
            return new BotFrameworkConfiguration(settings).botFrameworkAdapter(metrics, rateLimiter);
        }

        @Bean
        InboundDedupe echoDedupe(BotSettings settings, Clock clock) {
            return new InMemoryDedupe(settings, clock);
        }

        @Bean
        Foreground echoForeground() {
            return new Foreground(0);
        }

        @Bean
        Bot echoBot() {
            return new EchoBot();
        }

        @Bean
        BotController echoController(TenantAwareAdapter adapter, Bot bot, BotSettings settings, BotMetrics metrics,
                                     InboundDedupe dedupe, Foreground foreground) {
            return new BotController(adapter, bot, settings, metrics, dedupe, foreground);
        }
    }

    /** Redeliveries recognised within this process only: the echo bot has no database. */
    static final class InMemoryDedupe extends InboundDedupe {

        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

        InMemoryDedupe(BotSettings settings, Clock clock) {
            super(null, clock, settings);
        }

        @Override
        Claim claim(Activity activity) {
            String id = activity.getId();
            String conversation = activity.getConversation() == null ? null : activity.getConversation().getId();
            if (id == null || id.isBlank() || conversation == null || conversation.isBlank()) {
                return Claim.UNTRACKED;
            }
            String key = activity.getChannelId() + "\n" + conversation + "\n" + id;
            return new Claim(key, seen.putIfAbsent(key, Boolean.TRUE) != null);
        }

        @Override
        void release(Claim claim) {
            if (claim.key() != null && !claim.duplicate()) {
                seen.remove(claim.key());
            }
        }

        @Override
        int purge() {
            int size = seen.size();
            seen.clear();
            return size;
        }
    }

    /** Says back what it was told: the text, or the card's submitted data. */
    static final class EchoBot extends ActivityHandler {

        @Override
        protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
            Activity activity = turn.getActivity();
            String said = activity.getText() != null ? activity.getText()
                    : activity.getValue() != null ? Serialization.toStringSilent(activity.getValue()) : "";
            return turn.sendActivity(MessageFactory.text("Echo: " + said)).thenApply(sent -> null);
        }
    }
}
