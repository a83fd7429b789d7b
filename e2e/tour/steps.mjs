// The tour's steps: every command of README's command table ("What people can say"), in an order that tells the
// story of one week. `as`: coach (the demo programme's coach, the Playground's default user) or participant (a new
// leader, Sam Okafor, with a Playground of their own); `in`: personal (the 1:1 chat, default), group or team.
//
// A step does one thing: send (type it in the web UI; in a team or group chat with the @mention picked from the
// menu), click (a button on the newest card, in the web UI), submit (a card form with inputs, through the
// Playground's submit route, as the web UI would send it), open (open that chat; the first time adds the bot) or
// waitFor alone (something arrives on its own). Then the tour waits for the answer and checks it (checks.mjs):
//   expect     RegExp(s) the screen must show (what the step is there to show)
//   waitFor    RegExp: wait until a message matching it arrives (timeoutMs, default 30 s)
//   dueAt      (ctx) => ms: the moment it is due; it must arrive within lateMs (default 2 s) after that
//   capture    (text, ctx) => read something the later steps need (a join code)
//   none       nothing is expected (opening a chat that was open before)
// Step ids are what e2e/tour/known-failures.mjs names; keep them stable.

const PROGRAMME = 'North Ridge ICS system leadership (demo)';
const ZONE = 'Europe/London';

/** Parts of a moment on the programme's clock. */
function london(ms) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    weekday: 'long',
  }).formatToParts(new Date(ms)).reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday };
}
const day = (offsetDays) => london(Date.now() + offsetDays * 86400_000).date;

/**
 * A rhythm that falls due one to two minutes from now, at a whole minute: by the time the coach's steps after
 * it are done, the check-in is due; the bot is started with a 5-second tick (run.sh) so it goes out at once.
 */
function rhythmSoon(ctx) {
  const due = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000;
  ctx.checkInDue = due;
  const l = london(due);
  return { everyWeeks: '1', weekdays: l.weekday.toUpperCase(), time: l.time, openHours: '48', remindAfterHours: '24' };
}

/** The first whole minute at least {@code aheadMs} from now. */
const wholeMinute = (aheadMs) => Math.ceil((Date.now() + aheadMs) / 60_000) * 60_000;

// The coaching session is held in a Teams meeting (its thread, and the join link a coach pastes).
const MEETING = `19:meeting_tour${Math.random().toString(36).slice(2, 12)}@thread.v2`;
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(MEETING)}/0`;

/** Teams' meetingEnd event, as Teams posts it to a bot in the meeting (the web UI cannot end a meeting). */
async function meetingEnds(ctx, people) {
  await people.coach.custom((a, me) => ({
    ...a, type: 'event', name: 'application/vnd.microsoft.meetingEnd', text: undefined, textFormat: undefined,
    from: { id: me.me.id, aadObjectId: me.me.aadObjectId, name: me.me.name },
    conversation: { isGroup: true, conversationType: 'groupChat', id: MEETING, tenantId: a.conversation.tenantId },
    channelData: { tenant: { id: a.conversation.tenantId }, meeting: { id: Buffer.from(`${MEETING}#0`).toString('base64') } },
    value: { MeetingType: 'Scheduled', Title: 'North Ridge team coaching session', Id: MEETING, JoinUrl: JOIN_URL, EndTime: new Date().toISOString() },
  }));
  ctx.meetingEndedAt = Date.now();
}

/** Every step, grouped by what it is about; ORDER below tells the week's story. */
const STEPS = [
  // ---- The coach opens the demo programme and hands out its join code ----
  { id: 'coach-open', as: 'coach', open: true, none: true, name: 'The coach opens the 1:1 chat with Waymark' },
  { id: 'coach-help', as: 'coach', send: 'help', expect: /For coaches|coach/i },
  {
    id: 'coach-programme', as: 'coach', send: 'programme', expect: /Join code/,
    capture: (text, ctx) => { ctx.joinCode = /\b([A-Z0-9]{3}-[A-Z0-9]{3})\b/.exec(text)[1]; },
  },

  // ---- A new leader arrives ----
  { id: 'participant-open', as: 'participant', open: true, expect: /privacy/i, name: 'A new leader opens the 1:1 chat: welcome and privacy notice' },
  { id: 'participant-agree', as: 'participant', click: 'I agree', expect: /Thank you/ },
  { id: 'participant-join', as: 'participant', send: (ctx) => `join ${ctx.joinCode}`, expect: /Welcome to/ },

  // ---- The coach's next session and its digest (two hours ahead, so the digest is due at once) ----
  {
    id: 'coach-next-session', as: 'coach',
    send: (ctx) => {
      ctx.sessionRecordedAt = Date.now(); // the digest is due the moment the session is recorded
      const l = london(Date.now() + 2 * 3600_000);
      return `next session ${l.date} ${l.time}`;
    },
    expect: /Recorded the next session/,
  },
  {
    id: 'coach-digest-arrives', as: 'coach', waitFor: /Before your session/, since: 'coach-next-session', timeoutMs: 120_000,
    // Nobody waits on a proactive message as on a reply, and the digest is composed when it is sent: the first one
    // after a start clusters its themes itself (the clustering ahead runs once the demo's reflections are embedded),
    // which took 4 s here. 10 s still catches a digest left to Quartz's once-a-minute misfire scan.
    dueAt: (ctx) => ctx.sessionRecordedAt, lateMs: 10_000,
    name: 'The pre-session digest arrives on its own (the session is within 24 hours, so at once)',
  },

  // ---- Before the first session: the diagnostic's questions, one at a time ----
  { id: 'participant-next-question', as: 'participant', send: 'next question', expect: /Before your first session/, name: 'The diagnostic: an interview-style question before the first session' },
  {
    id: 'participant-diagnostic-answer', as: 'participant',
    submit: { action: 'Send', inputs: { answer: 'The executive team is starting to bring problems early rather than polished papers.', quoteOk: 'false' } },
    caption: 'answers the question card', expect: /Thank you/,
  },

  // ---- A session in a Teams meeting; it ends (Teams says so): the after-session card ----
  {
    id: 'coach-meeting-session', as: 'coach',
    send: (ctx) => {
      // It starts in a minute or two (it can't be recorded once begun) and lasts the shortest session, 15 minutes.
      // After the coach's reports: once it has begun, "since the last session" (their default) starts today.
      ctx.sessionStartsAt = wholeMinute(75_000);
      const l = london(ctx.sessionStartsAt);
      return `next session ${l.date} ${l.time} for 15m meeting ${JOIN_URL}`;
    },
    caption: 'next session (today, in a minute or two) for 15m meeting https://teams.microsoft.com/l/meetup-join/…',
    expect: /When Teams says the meeting has ended/,
  },
  {
    id: 'participant-after-session-arrives', as: 'participant', waitFor: /What will you try before the next session/,
    notBefore: (ctx) => ctx.sessionStartsAt + 1000, before: meetingEnds, timeoutMs: 60_000,
    dueAt: (ctx) => ctx.meetingEndedAt, lateMs: 5000,
    name: 'The meeting ends (Teams tells the bot): each leader gets the after-session card in their own chat',
  },
  {
    id: 'participant-after-session-answer', as: 'participant',
    submit: {
      action: 'Save',
      inputs: { try1: 'Ask my deputy to chair the Thursday huddle', try2: 'Walk the discharge lounge on Friday', said: '4', mattered: '5', leave: '4', word: 'Honest, and it stayed on what matters' },
    },
    caption: 'answers the after-session card: two things to try, and the pulse', expect: /in your plan/,
  },
  { id: 'participant-my-commitments', as: 'participant', send: 'my commitments', expect: /What you said you'd try/ },
  {
    id: 'coach-ask-everyone', as: 'coach', send: 'ask everyone What did you notice about how you listened this week?',
    expect: /Set for everyone/,
  },

  // ---- The coach sets the check-in rhythm (due in a minute or two) ----
  { id: 'coach-schedule', as: 'coach', send: 'schedule', expect: /Save rhythm/ },
  {
    id: 'coach-schedule-save', as: 'coach', submit: (ctx) => ({ action: 'Save rhythm', inputs: rhythmSoon(ctx) }),
    caption: 'schedule: every week, today, in a minute or two (card)', expect: /every/,
  },

  // ---- The coach's reports on the demo programme (six weeks of check-ins) ----
  { id: 'coach-summary', as: 'coach', send: 'summary', expect: /Mean wellbeing/, timeoutMs: 120_000, name: "The coach's summary, with its charts (the first report)" },
  { id: 'coach-themes', as: 'coach', send: 'themes', expect: /people/ },
  { id: 'coach-wellbeing', as: 'coach', send: 'wellbeing', expect: /wellbeing/i },
  { id: 'coach-actions', as: 'coach', send: 'actions', expect: /Action/ },
  { id: 'coach-team-actions', as: 'coach', send: 'team actions', expect: /Action/ },
  { id: 'coach-participation', as: 'coach', send: 'participation', expect: /Checked in|enrolled/i },
  { id: 'coach-export', as: 'coach', send: 'export', expect: /programme/ },
  { id: 'coach-summary-team', as: 'coach', send: 'summary team East place partnership', expect: /East place partnership/ },
  { id: 'coach-wellbeing-since', as: 'coach', send: () => `wellbeing since ${day(-21)}`, expect: /wellbeing/i },
  { id: 'coach-themes-since-session', as: 'coach', send: 'themes since last session', expect: /theme|session/i },
  { id: 'coach-rename-theme', as: 'coach', send: 'rename theme Workload and capacity to Capacity and workload', expect: /Capacity and workload/ },
  { id: 'coach-merge-themes', as: 'coach', send: 'merge themes Recognition and appreciation into Capacity and workload', expect: /Recognition/ },
  { id: 'coach-not-about', as: 'coach', send: 'not about System partnership: Spent the morning on the rota', expect: /System partnership/ },
  { id: 'coach-more-like', as: 'coach', send: 'more like System partnership: Agreed a shared plan with the council', expect: /System partnership/ },

  // ---- The scheduled check-in arrives for the new leader ----
  {
    id: 'participant-checkin-arrives', as: 'participant', waitFor: /Time for your check-in/, since: 'coach-schedule-save', timeoutMs: 180_000,
    dueAt: (ctx) => ctx.checkInDue, lateMs: 7000,
    name: 'The scheduled check-in arrives on its own (due at a whole minute; a 5-second tick, then 2 s allowed)',
  },
  {
    id: 'participant-follow-up-arrives', as: 'participant', waitFor: /What you said you'd try/, since: 'coach-schedule-save', timeoutMs: 60_000,
    capture: (text, ctx) => { ctx.commitments = [...new Set([...text.matchAll(/"id":"(c\d+)"/g)].map((m) => m[1]))]; },
    name: 'After the check-in: how did the things they said they would try go?',
  },
  {
    id: 'participant-checkin-answer', as: 'participant',
    submit: { action: 'Save check-in', inputs: { wellbeing: '4', energy: '3', reflection: 'Held the line on the winter plan and asked the team what they would stop.', quoteOk: 'false' } },
    caption: 'answers the check-in card: wellbeing 4, energy 3, a reflection', expect: /Wellbeing|wellbeing/,
    name: 'The reply, with the trend',
  },

  {
    id: 'participant-follow-up-answer', as: 'participant',
    submit: (ctx) => ({ action: 'Save', inputs: { [ctx.commitments[0]]: 'done', [ctx.commitments[1]]: 'in_the_way' } }),
    caption: 'says how they went: one done, one with something in the way', expect: /Saved, thank you/,
  },
  { id: 'coach-session-pulse', as: 'coach', send: 'session pulse', expect: /pulse and commitments/, name: "The coach's view of each session: the pulse and commitments, as counts" },

  // ---- The participant's own week ----
  { id: 'participant-help', as: 'participant', send: 'help', expect: /check in/i },
  { id: 'participant-check-in', as: 'participant', send: 'check in', expect: /Save check-in|wellbeing/i },
  { id: 'participant-one-line', as: 'participant', send: '4 3 tried a new huddle with the site leads', expect: /Saved|saved|Thank/ },
  { id: 'participant-add-action', as: 'participant', send: 'add action Walk the floor with the night team', expect: /Added/ },
  { id: 'participant-add-action-2', as: 'participant', send: 'add action Protect Friday afternoons for thinking', expect: /Added/ },
  { id: 'participant-my-actions', as: 'participant', send: 'my actions', expect: /Walk the floor/ },
  { id: 'participant-done', as: 'participant', send: 'done 1', expect: /Done|done/ },
  { id: 'participant-stuck', as: 'participant', send: "stuck 2 no time this week, the board papers took the afternoon", expect: /way|noted|Noted/i },
  { id: 'participant-my-trend', as: 'participant', send: 'my trend', expect: /trend/i },
  { id: 'participant-my-programmes', as: 'participant', send: 'my programmes', expect: /North Ridge/ },
  { id: 'participant-my-details', as: 'participant', send: 'my details', expect: /details|role/i },
  { id: 'participant-privacy', as: 'participant', send: 'privacy', expect: /privacy|data/i },
  { id: 'participant-who-has-seen', as: 'participant', send: 'who has seen my data', expect: /seen|read|looked/i },
  { id: 'participant-my-data', as: 'participant', send: 'my data', expect: /data/i },

  // ---- Their schedule ----
  { id: 'participant-snooze', as: 'participant', send: 'snooze 2h', expect: /check-in|snooze/i },
  { id: 'participant-skip', as: 'participant', send: 'skip', expect: /check-in|skip/i },
  { id: 'participant-pause', as: 'participant', send: 'pause 2 weeks', expect: /pause|Paused/i },
  { id: 'participant-resume', as: 'participant', send: 'resume', expect: /resume|back|Resumed/i },
  { id: 'participant-quiet-hours', as: 'participant', send: 'quiet hours 21:00-07:30', expect: /21:00/ },
  { id: 'participant-not-mondays', as: 'participant', send: 'not mondays', expect: /Monday/ },
  { id: 'participant-after', as: 'participant', send: 'after 17:00', expect: /17:00/ },
  { id: 'participant-time-zone', as: 'participant', send: 'time zone Europe/London', expect: /Europe\/London|London/ },
  { id: 'participant-leave', as: 'participant', send: () => `leave ${day(30)} to ${day(37)}`, expect: /leave|away/i },
  { id: 'participant-on-call', as: 'participant', send: () => `on call ${day(20)}`, expect: /no check-ins on/ },
  { id: 'participant-my-schedule', as: 'participant', send: 'my schedule', expect: /check-in/i },

  // ---- Peer coaching ----
  { id: 'coach-peer-coaching', as: 'coach', send: 'peer coaching', expect: /Save peer coaching/ },
  { id: 'coach-peer-coaching-save', as: 'coach', click: 'Save peer coaching', expect: /peer coaching|round/i },
  { id: 'coach-pair-now', as: 'coach', send: 'pair now', expect: /pair|round/i },
  {
    id: 'participant-nudge-arrives', as: 'participant', waitFor: /partner|paired|peer/i, timeoutMs: 10_000,
    name: "The peer-coaching nudge reaches the new leader after the coach's round",
  },
  { id: 'coach-forbid-pair', as: 'coach', send: 'forbid pair', expect: /pair/i },
  { id: 'coach-pairs', as: 'coach', send: 'pairs', expect: /pair|round/i },
  { id: 'participant-my-pairings', as: 'participant', send: 'my pairings', expect: /peer|pair/i },
  { id: 'participant-cant-this-round', as: 'participant', send: "can't this round", expect: /round/i },
  { id: 'participant-opt-out', as: 'participant', send: 'opt out of peer coaching', expect: /peer.coaching/i },
  { id: 'participant-opt-in', as: 'participant', send: 'opt in', expect: /peer.coaching|pair/i },

  // ---- The coach's set-up commands ----
  { id: 'coach-people', as: 'coach', send: 'people', expect: /Sam Okafor|Aisha/ },
  { id: 'coach-coaches', as: 'coach', send: 'coaches', expect: /Alex Wilber/ },
  {
    id: 'coach-invite-coach', as: 'coach', send: 'invite coach', expect: /accept invitation/i,
    capture: (text, ctx) => { ctx.invitation = /\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(text)[1]; },
  },
  { id: 'coach-invite-admin', as: 'coach', send: 'invite admin', expect: /accept invitation/i },
  { id: 'coach-audit', as: 'coach', send: 'audit', expect: /read|audit/i },
  { id: 'coach-edit-programme', as: 'coach', send: 'edit programme', expect: /Save/ },
  { id: 'coach-new-programme', as: 'coach', send: 'new programme', expect: /Create programme/ },
  { id: 'coach-create-programme', as: 'coach', send: 'create programme Tour cohort 2027', expect: /Tour cohort 2027/ },
  { id: 'coach-add-group', as: 'coach', send: 'add group Executive directors', expect: /Executive directors/ },
  { id: 'coach-use-programme', as: 'coach', send: `use programme ${PROGRAMME}`, expect: /North Ridge/ },

  // ---- Team and group chats ----
  { id: 'coach-team-open', as: 'coach', in: 'team', open: true, expect: /Waymark/, name: 'The coach adds Waymark to a team' },
  { id: 'coach-team-programme', as: 'coach', in: 'team', send: 'programme', expect: /North Ridge/ },
  { id: 'coach-team-add-people', as: 'coach', in: 'team', send: 'add people', expect: /Add them|people/i },
  { id: 'coach-team-enrol', as: 'coach', in: 'team', send: 'enrol', expect: /Enrol/i, timeoutMs: 60_000 },
  { id: 'coach-team-summary', as: 'coach', in: 'team', send: 'summary', expect: /./, name: 'A team report in a chat where not everyone coaches' },
  { id: 'coach-group-open', as: 'coach', in: 'group', open: true, expect: /Waymark/ },
  { id: 'coach-group-programme', as: 'coach', in: 'group', send: 'programme', expect: /North Ridge/ },
  { id: 'coach-group-themes', as: 'coach', in: 'group', send: 'themes', expect: /./ },
  // ---- The participant in a team and a group chat ----
  { id: 'participant-team-open', as: 'participant', in: 'team', open: true, expect: /Waymark/ },
  { id: 'participant-team-check-in', as: 'participant', in: 'team', send: 'check in', expect: /1:1|private/i, name: 'A participant asks for a check-in in a team channel' },
  { id: 'participant-team-summary', as: 'participant', in: 'team', send: 'summary', expect: /./ },
  { id: 'participant-group-open', as: 'participant', in: 'group', open: true, expect: /Waymark/ },
  { id: 'participant-group-help', as: 'participant', in: 'group', send: 'help', expect: /./ },

  // ---- The programme's end: evaluation, impact report, each leader's learning story ----
  { id: 'coach-evaluation', as: 'coach', send: 'evaluation', expect: /valuation/ },
  { id: 'coach-evaluation-send', as: 'coach', send: 'evaluation send', expect: /evaluation/ },
  {
    id: 'participant-evaluation-arrives', as: 'participant', waitFor: /Send my answers/, since: 'coach-evaluation-send', timeoutMs: 60_000,
    name: 'The end-of-programme evaluation reaches the leader',
  },
  {
    id: 'participant-evaluation-answer', as: 'participant',
    submit: { action: 'Send my answers', inputs: { recommend: '9', mostUseful: 'The after-session cards: I kept my commitments.', quoteOk: 'false' } },
    caption: 'answers the evaluation card', expect: /./,
  },
  { id: 'coach-evaluation-results', as: 'coach', send: 'evaluation results', expect: /valuation/ },
  // A PDF with charts, made afresh from released figures each time: a few seconds is what a coach expects of it.
  { id: 'coach-impact-report', as: 'coach', send: 'impact report', expect: /Impact report/, timeoutMs: 60_000, replyMs: 6000 },
  { id: 'participant-my-story', as: 'participant', send: 'my story', expect: /learning story/i },
  { id: 'participant-make-story', as: 'participant', click: 'Make my story', expect: /./, timeoutMs: 60_000 },

  // ---- Leaving ----
  { id: 'participant-accept-invitation', as: 'participant', send: (ctx) => `accept invitation ${ctx.invitation}`, expect: /coach/i },
  { id: 'participant-leave-programme', as: 'participant', send: `leave programme ${PROGRAMME}`, expect: /left|leave/i },
  { id: 'participant-delete-my-data', as: 'participant', send: 'delete my data', expect: /Erase everything/ },
  { id: 'participant-erase', as: 'participant', click: 'Erase everything…', expect: /Yes, erase everything/ },
  { id: 'participant-erase-confirm', as: 'participant', click: 'Yes, erase everything', expect: /erased|Erased|deleted/i },
];

/**
 * The order of the week: the coach's reports before the session in a meeting begins (then "since the last session"
 * starts today); the leader's own commands while it is about to begin; the after-session card before the check-in
 * rhythm is saved, so the check-in asks about the commitments; the coach's set-up while the check-in is due; and the
 * leader's manual check-ins and schedule only after the scheduled one.
 */
const ORDER = [
  'coach-open', 'coach-help', 'coach-programme',
  'participant-open', 'participant-agree', 'participant-join', 'participant-next-question', 'participant-diagnostic-answer',
  'coach-next-session', 'coach-digest-arrives',
  'coach-summary', 'coach-themes', 'coach-wellbeing', 'coach-actions', 'coach-team-actions', 'coach-participation',
  'coach-export', 'coach-summary-team', 'coach-wellbeing-since', 'coach-themes-since-session', 'coach-rename-theme',
  'coach-merge-themes', 'coach-not-about', 'coach-more-like',
  'coach-meeting-session',
  'participant-help', 'participant-add-action', 'participant-add-action-2', 'participant-my-actions', 'participant-done',
  'participant-stuck', 'participant-my-programmes', 'participant-my-details', 'participant-privacy',
  'participant-who-has-seen', 'participant-my-data',
  'participant-after-session-arrives', 'participant-after-session-answer', 'participant-my-commitments',
  'coach-ask-everyone', 'coach-schedule', 'coach-schedule-save',
  'coach-peer-coaching', 'coach-peer-coaching-save', 'coach-pair-now', 'participant-nudge-arrives', 'coach-forbid-pair',
  'coach-pairs', 'participant-my-pairings', 'participant-cant-this-round', 'participant-opt-out', 'participant-opt-in',
  'coach-people', 'coach-coaches', 'coach-invite-coach', 'coach-invite-admin', 'coach-audit', 'coach-edit-programme',
  'coach-new-programme', 'coach-create-programme', 'coach-add-group', 'coach-use-programme',
  'participant-checkin-arrives', 'participant-follow-up-arrives', 'participant-checkin-answer', 'participant-follow-up-answer',
  'coach-session-pulse',
  // The evaluation before the participant sets their own clock below: its invite waits for their time (after 17:00).
  'coach-evaluation', 'coach-evaluation-send', 'participant-evaluation-arrives', 'participant-evaluation-answer',
  'coach-evaluation-results', 'coach-impact-report', 'participant-my-story', 'participant-make-story',
  'participant-check-in', 'participant-one-line', 'participant-my-trend',
  'participant-snooze', 'participant-skip', 'participant-pause', 'participant-resume', 'participant-quiet-hours',
  'participant-not-mondays', 'participant-after', 'participant-time-zone', 'participant-leave', 'participant-on-call',
  'participant-my-schedule',
  'coach-team-open', 'coach-team-programme', 'coach-team-add-people', 'coach-team-enrol', 'coach-team-summary',
  'coach-group-open', 'coach-group-programme', 'coach-group-themes',
  'participant-team-open', 'participant-team-check-in', 'participant-team-summary', 'participant-group-open',
  'participant-group-help',
  'participant-accept-invitation', 'participant-leave-programme', 'participant-delete-my-data', 'participant-erase',
  'participant-erase-confirm',
];

const byId = new Map(STEPS.map((step) => [step.id, step]));
if (byId.size !== STEPS.length || ORDER.length !== STEPS.length || ORDER.some((id) => !byId.has(id))) {
  throw new Error(`steps.mjs: ORDER must name every step once (${STEPS.length} steps, ${ORDER.length} in ORDER)`);
}
export const steps = ORDER.map((id) => byId.get(id));
