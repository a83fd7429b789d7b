-- Teams reports the device's time zone. A device set to UTC (a server, a virtual desktop, the Agents Playground on a
-- UTC machine) says nothing about where someone works, so Waymark no longer keeps it (ParticipantService.validZone)
-- and a UK user is no longer told "UTC". Rows kept before this go back to the default; someone who really wants UTC
-- says "time zone UTC", which is their own choice (participant_preferences) and is not touched here.
UPDATE participant SET time_zone = 'Europe/London'
WHERE time_zone IN ('UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'GMT', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0',
                    'GMT0', 'Greenwich', 'Etc/Greenwich', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'Z');
