package com.waymark;

import java.time.Clock;

import com.waymark.bench.Subcommands;
import com.waymark.ops.NativeHeap;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.SpringProperties;

@SpringBootApplication
public class WaymarkApplication {

    public static void main(String[] args) {
        // Before the threads that would each take a malloc arena of their own (the embedding models allocate natively).
        NativeHeap.limitArenas();
        if (Subcommands.isSubcommand(args)) {
            // Spring AOT's generated bean definitions are the bot's own production start (deploy/run.sh, the container
            // image): a subcommand starts other contexts (the echo bot) or Waymark with other settings, the ordinary way.
            SpringProperties.setFlag(AotDetector.AOT_ENABLED, false);
            System.exit(Subcommands.run(args, System.out, WaymarkApplication.class));
        }
        SignalExit.installIfAsked();
        SpringApplication.run(WaymarkApplication.class, args);
    }

    /** The one source of "now": the domain never reads the wall clock, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
