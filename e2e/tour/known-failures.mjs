// Known failures: screens that are wrong today and being fixed elsewhere. Each entry lets exactly one check of one
// step fail without failing the tour (the gallery shows it amber), and says why and which fix removes it. Keep it
// short, and empty it as fixes land: the tour prints an entry that no longer happens, so it can be deleted. Never
// add an entry to make a new problem pass; fix the screen instead.
//   step:   a step id from steps.mjs
//   check:  error | playground-error | placeholder | slow | no-reply | expectation | broken (checks.mjs, tour.mjs)
//   reason: what a person sees
//   fix:    the change that removes it
export const knownFailures = [
  {
    step: 'coach-digest-arrives', check: 'slow',
    reason: 'a digest already due comes up to a minute late: its Quartz trigger starts 24 hours before the session, '
      + 'so more than a minute in the past, and Quartz fires it only on its next misfire scan',
    fix: 'SessionDigestScheduler: start a digest that is already due now (not yet assigned)',
  },
  {
    step: 'participant-checkin-arrives', check: 'slow',
    reason: 'a scheduled check-in sometimes arrives long after its time (1 s and 35 s seen on a busy machine, with '
      + 'a 5-second tick)',
    fix: 'not yet assigned: find where the wait is (the Quartz tick on its JDBC store, or the outbox)',
  },
  {
    step: 'participant-nudge-arrives', check: 'no-reply',
    reason: '"pair now" in the demo pairs nobody, so the new leader gets no peer-coaching nudge',
    fix: 'demo: peer coaching in the demo',
  },
  ...['coach-team-programme', 'coach-team-add-people', 'coach-team-enrol', 'coach-team-summary'].map((step) => ({
    step, check: 'slow',
    reason: 'the coach waits about 2 s for each answer in a team channel (0.1 s in the group chat, 0.2 s for a '
      + 'participant in a team)',
    fix: 'not yet assigned: find where the 2 s go in a team channel (the roster or team look-up per message?)',
  })),
  {
    step: 'coach-peer-coaching-save', check: 'slow',
    reason: 'saving the peer-coaching plan sometimes takes just over 2 s on a busy machine',
    fix: 'not yet assigned: look at what saving a plan does before it answers',
  },
];
