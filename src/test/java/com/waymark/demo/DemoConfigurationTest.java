package com.waymark.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's beans exist under the demo profile only, decided when the context starts (not by {@code @Profile}, which
 * Spring AOT would decide once, when the jar is built): the seed and the guide the edge reads.
 */
class DemoConfigurationTest {

    @Test
    void theDemosBeansAreThereUnderTheDemoProfileOnly() {
        assertThat(registered("demo").getBeanDefinitionNames()).containsExactlyInAnyOrder("demoGuide", "demoData");
        assertThat(registered("demo").getType("demoGuide")).isEqualTo(DemoGuide.class);
        assertThat(registered("demo").getType("demoData")).isEqualTo(DemoData.class);
        assertThat(registered("postgres", "demo").getBeanDefinitionNames()).hasSize(2);
        assertThat(registered().getBeanDefinitionNames()).isEmpty();
        assertThat(registered("postgres").getBeanDefinitionNames()).isEmpty();
    }

    @Test
    void theGuideIsTheDemosOwn() {
        DefaultListableBeanFactory beans = registered("demo");
        assertThat(beans.getBean(DemoGuide.class)).isEqualTo(DemoData.guide());
    }

    private static DefaultListableBeanFactory registered(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        DemoConfiguration configuration = new DemoConfiguration();
        configuration.setEnvironment(environment);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        configuration.postProcessBeanDefinitionRegistry(beans);
        return beans;
    }
}
