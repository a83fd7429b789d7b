package com.waymark.teams;

import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
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
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A bare echo bot on exactly Waymark's edge: the same SDK adapter (built by {@link BotFrameworkConfiguration}),
 * the same {@link BotController} with its limits and meters, Tomcat and Spring MVC; no database, no domain.
 * The load benchmark's baseline: Waymark's latency over this one is what the coaching logic costs.
 * <p>
 * Never part of the Waymark application: nothing here is a {@code @Component} or {@code @Configuration}, so the
 * application's component scan passes it by. Its own small Spring Boot context is built only by {@link #start}.
 */
public final class EchoBotServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EchoBotServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the echo bot in local mode (no authentication, loopback only) on {@code --server.port} (default: a
     * free port). Waymark's {@code application.yml} is not read.
     */
    public static EchoBotServer start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--spring.config.name=waymark-echo-bench";
        all[1] = "--server.port=0";
        all[2] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 3, args.length);
        return new EchoBotServer(new SpringApplicationBuilder(EchoApplication.class)
                .web(WebApplicationType.SERVLET).run(all));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Only the web stack: embedded Tomcat, Spring MVC and Jackson, as Waymark has them. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    static class EchoApplication {

        @Bean
        BotSettings echoSettings() {
            return new BotSettings(null, null, null, null, 0, 0);
        }

        @Bean
        BotMetrics echoMetrics() {
            return new BotMetrics(new SimpleMeterRegistry());
        }

        @Bean
        BotFrameworkHttpAdapter echoAdapter(BotSettings settings, BotMetrics metrics) {
            return new BotFrameworkConfiguration(settings).botFrameworkAdapter(metrics);
        }

        @Bean
        Bot echoBot() {
            return new EchoBot();
        }

        @Bean
        BotController echoController(BotFrameworkHttpAdapter adapter, Bot bot, BotSettings settings, BotMetrics metrics) {
            return new BotController(adapter, bot, settings, metrics);
        }
    }

    /** Says back what it was told. */
    static final class EchoBot extends ActivityHandler {

        @Override
        protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
            String text = turn.getActivity().getText();
            return turn.sendActivity(MessageFactory.text("Echo: " + (text == null ? "" : text))).thenApply(sent -> null);
        }
    }
}
