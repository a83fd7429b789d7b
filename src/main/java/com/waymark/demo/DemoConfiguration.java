package com.waymark.demo;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Under the {@code demo} profile only: the demo's seed ({@link DemoData}) and what the edge knows of it
 * ({@link DemoGuide}, so it can greet its coach and reach its people); without the profile neither bean exists.
 * <p>
 * Registered here when the context starts, not by {@code @Profile}: the production start uses Spring AOT, whose bean
 * definitions are fixed when the jar is built (without the demo), while this post-processor runs again at every start,
 * so {@code deploy/run.sh --spring.profiles.active=demo} has its demo with AOT as without.
 */
@Component
class DemoConfiguration implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String PROFILE = "demo";

    /** Told, not injected: a registry post-processor is made before constructor injection is set up. */
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        registry.registerBeanDefinition("demoGuide", new RootBeanDefinition(DemoGuide.class, DemoData::guide));
        RootBeanDefinition seed = new RootBeanDefinition(DemoData.class);
        seed.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
        registry.registerBeanDefinition("demoData", seed);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing: the beans are registered above.
    }
}
