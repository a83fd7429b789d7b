package com.waymark;

import java.time.Clock;

import com.waymark.bench.Subcommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class WaymarkApplication {

    public static void main(String[] args) {
        if (Subcommands.isSubcommand(args)) {
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
