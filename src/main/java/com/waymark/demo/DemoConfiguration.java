package com.waymark.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Under the {@code demo} profile only: tells the edge about the demo, so it can greet its coach and reach its people. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

    @Bean
    DemoGuide demoGuide() {
        return DemoData.guide();
    }
}
