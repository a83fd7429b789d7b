package com.waymark.care;

import java.util.List;

import com.waymark.care.SupportResources.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Emergency numbers only where they belong: the urgent tier and the support card, as configured. */
@SpringBootTest(classes = SupportResourcesTest.Config.class)
class SupportResourcesTest {

    @org.springframework.boot.context.properties.EnableConfigurationProperties(SupportResources.class)
    @org.springframework.context.annotation.Configuration
    static class Config {
    }

    @Autowired
    SupportResources configured;

    @Test
    void theShippedConfigurationOffersNoEmergencyRouteBelowTheUrgentTier() {
        assertThat(configured.offeredAt(SupportTier.LOW_WEEK)).isEmpty();
        assertThat(configured.offeredAt(SupportTier.LOW_RUN)).extracting(Resource::name)
                .containsExactly("NHS Practitioner Health", "Staff wellbeing and employee assistance");
        assertThat(configured.offeredAt(SupportTier.LOW_RUN)).allSatisfy(r -> assertThat(r.contact() + r.detail())
                .doesNotContain("999").doesNotContain("111").doesNotContain("116 123").doesNotContain("danger"));
        assertThat(configured.offeredAt(SupportTier.URGENT)).isEqualTo(configured.resources())
                .extracting(Resource::contact).startsWith("Call 999");
        assertThat(configured.dangerLine()).isEqualTo("If you are in danger now, call 999.");
    }

    @Test
    void anUnmarkedResourceWaitsForTheUrgentTierAndOrderIsKept() {
        SupportResources resources = new SupportResources(List.of(
                new Resource("Crisis line", "Call 0800 000 000", null, null),
                new Resource("Wellbeing hub", "intranet/wellbeing", "Talk to someone", SupportTier.LOW_RUN),
                new Resource("Coach line", "x", null, SupportTier.LOW_WEEK)), "  ");
        assertThat(resources.resources().get(0).tier()).isEqualTo(SupportTier.URGENT);
        assertThat(resources.offeredAt(SupportTier.LOW_WEEK)).extracting(Resource::name).containsExactly("Coach line");
        assertThat(resources.offeredAt(SupportTier.LOW_RUN)).extracting(Resource::name)
                .containsExactly("Wellbeing hub", "Coach line");
        assertThat(resources.offeredAt(SupportTier.URGENT)).extracting(Resource::name)
                .containsExactly("Crisis line", "Wellbeing hub", "Coach line");
        assertThat(resources.dangerLine()).as("a blank line falls back, never an empty emphasis")
                .isEqualTo(SupportResources.DANGER_LINE);
    }
}
