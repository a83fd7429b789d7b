package com.waymark.programme;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may create programmes ({@code waymark.admins}).
 *
 * @param admins Entra object ids allowed to create programmes, comma separated (in local mode with none set, anyone
 *               may)
 */
@ConfigurationProperties("waymark")
record AdminSettings(List<String> admins) {

    AdminSettings {
        admins = admins == null ? List.of() : admins.stream().filter(a -> a != null && !a.isBlank()).map(String::trim)
                .toList();
    }
}
