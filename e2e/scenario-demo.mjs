// Waymark coach insight and the coaching cycle through the Playground, on the demo data (bot started with
// --spring.profiles.active=demo). The Playground's default user is the demo programme's coach; its eighteen leaders
// have six weeks of check-ins, three rounds of peer coaching and two past sessions with their after-session pulse and
// commitments, and five of them are the Playground's own users.
// Step format: see scenario.mjs.

// A session about two hours from now, on the programme's clock (Europe/London): its digest is due at once.
const session = new Date(Date.now() + 2 * 3600_000);
const london = (opts) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', ...opts })
  .formatToParts(session).reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {});
const d = london({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const sessionAt = `${d.year}-${d.month}-${d.day} ${d.hour}:${d.minute}`;

// Teams draws charts from the card's numbers; the Playground shows their FactSet fallback. Either way the
// chart element must be in the card the bot sent.
const hasChart = (type) => (replies) => replies.some((r) => JSON.stringify(r).includes(`"type":"${type}"`))
  || `no ${type} element in any reply`;

// The Playground shows a file consent card as "File Consent Card is not supported yet": none may reach it.
const noFileConsentCard = (replies) => !JSON.stringify(replies).includes('card.file.consent')
  || 'a file consent card, which the Playground cannot show';

// ---- The coaching cycle ----
// A session held in a Teams meeting, starting at the first whole minute a minute or more after it is recorded (it can't
// be recorded once begun), for 15 minutes (the shortest). Teams says the meeting ended (its meetingEnd event, as Teams
// posts it to the bot) once it has begun; then the Playground's five people get the after-session card.
const PEOPLE = ['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins'];
const thread = `19:meeting_e2e${Math.random().toString(36).slice(2, 12)}@thread.v2`;
const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%22Tid%22%3a%22e2e%22%7d`;
const clockOf = (ms) => {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(ms)).reduce((acc, x) => ({ ...acc, [x.type]: x.value }), {});
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(new Date(ms)) };
};
const cycle = { startsAt: 0, checkInAt: 0 };
const nextWholeMinute = (afterMs) => Math.ceil((Date.now() + afterMs) / 60_000) * 60_000;

/** What each of the five tries, in their own words, and their pulse. */
const ANSWERS = {
  'Megan Bowen': { try1: 'Ask my deputy to chair the system flow meeting', try2: 'Walk the discharge lounge on Friday', said: '4', mattered: '5', leave: '4', word: 'Honest and useful' },
  'Adele Vance': { try1: 'Open the partnership meeting with a shared problem', said: '5', mattered: '4', leave: '4' },
  'Isaiah Langer': { try1: 'Ask the team what we should stop doing', said: '3', mattered: '4', leave: '5' },
  'Patti Fernandez': { try1: 'Block Friday afternoons for thinking time', said: '4', mattered: '4', leave: '3' },
  'Lynne Robbins': { try1: 'Call my council counterpart before the board', said: '4', mattered: '3', leave: '4' },
};

/** The newest card the bot posted into this person's chat that shows `text`. */
const cardIn = (deliveredTo, name, text) => {
  for (const m of deliveredTo(name)) {
    for (const a of m.attachments || []) {
      if (a.contentType === 'application/vnd.microsoft.card.adaptive' && JSON.stringify(a.content).includes(text)) return a.content;
    }
  }
  throw new Error(`no card showing "${text}" reached ${name}`);
};

/**
 * The Playground types only as you, so a person answering a card in their own chat is "Mock an Activity": the message
 * Teams sends for an Action.Submit (no text, value = the button's data and the inputs), from them, in their chat.
 */
const answerAs = (name, value) => (a, { user, chatWith }) => ({
  ...a, type: 'message', text: undefined, textFormat: undefined, value, from: user(name),
  conversation: { id: chatWith(name), conversationType: 'personal', tenantId: a.conversation.tenantId },
});

const afterSessionAnswer = (name) => ({
  name: `${name} answers the after-session card: what they'll try, and the pulse`,
  custom: {
    patch: (a, h) => {
      const card = cardIn(h.deliveredTo, name, 'What will you try before the next session?');
      const save = card.actions.find((x) => x.title === 'Save').data;
      return answerAs(name, { ...save, ...ANSWERS[name] })(a, h);
    },
  },
  expect: [{ delivered: { to: name, text: /^Saved: actions? \d+( and \d+)? (is|are) in your plan/, contains: 'only combined with other people' } }],
});

export default {
  name: 'Waymark coach insight on the demo programme',
  steps: [
    {
      name: 'the coach opens the 1:1 chat: a greeting says what to try, and the Playground people get their chats',
      open: true,
      expect: [{ card: 'Welcome to the Waymark demo', contains: 'pair now' },
        { connectorCalls: { method: 'POST', path: '/v3/conversations', min: 5 } }],
    },
    {
      name: 'summary: participation, wellbeing with a trend line, themes, actions',
      send: 'summary',
      timeoutMs: 60000,
      expect: [{ card: 'Team summary: North Ridge ICS system leadership (demo)', contains: 'Mean wellbeing' },
        { check: hasChart('Chart.Line') }, { card: 'Action plans' }],
    },
    {
      name: 'themes: named, sized, with direction and opted-in quotes only',
      send: 'themes',
      timeoutMs: 60000,
      expect: [{ card: 'System partnership', contains: 'new' }, { check: hasChart('Chart.HorizontalBar') },
        { card: 'Less present than in the period before' }],
    },
    {
      name: 'a group of six shows',
      send: 'wellbeing team Action learning set',
      expect: [{ card: 'group Action learning set', contains: 'Mean wellbeing' }],
    },
    {
      name: 'pairs: three rounds of peer coaching so far',
      send: 'pairs',
      expect: [{ card: 'Rounds run', contains: 'How useful' }],
    },
    {
      name: "pair now: the Playground's five people are paired and nudged; the made-up ones have no chat",
      send: 'pair now',
      timeoutMs: 60000,
      expect: [{ text: 'Round 4 of 6', contains: 'no 1:1 chat with me yet' },
        { delivered: { to: ['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins'] } }],
    },
    {
      // The Playground can't take a file consent card ("File Consent Card is not supported yet"): the bot shows the
      // CSV as a code block instead, one row a line.
      name: 'export: team-level figures as CSV, one row a line',
      send: 'export',
      timeoutMs: 60000,
      expect: [{ card: 'Export (team-level figures, CSV)' },
        { text: '```csv\nprogramme,period_from,period_to,section,figure,value\n' },
        { check: noFileConsentCard }],
    },
    {
      // After the reports: once this session has begun, "since the last session" (the reports' default) starts today.
      name: 'the coach records a session in a Teams meeting, starting in a minute or two, for 15 minutes; its digest goes at once',
      send: () => {
        cycle.startsAt = nextWholeMinute(75_000);
        const l = clockOf(cycle.startsAt);
        return `next session ${l.date} ${l.time} for 15m meeting ${joinUrl}`;
      },
      timeoutMs: 120000,
      expect: [{ text: 'Recorded the next session' }, { text: 'When Teams says the meeting has ended' },
        { card: 'Before your session: North Ridge ICS system leadership (demo)', contains: 'Questions you might bring' },
        { card: 'After the last sessions', contains: 'Say "session pulse" for every session' }],
    },
    {
      name: 'the meeting ends: Teams posts its meetingEnd event to the bot, and each of the five gets the after-session card',
      notBefore: () => cycle.startsAt + 1000,
      custom: {
        patch: (a, { me }) => ({
          ...a, type: 'event', name: 'application/vnd.microsoft.meetingEnd', text: undefined, textFormat: undefined,
          from: { id: me.id, aadObjectId: me.aadObjectId, name: me.name },
          conversation: { isGroup: true, conversationType: 'groupChat', id: thread, tenantId: a.conversation.tenantId },
          channelData: { tenant: { id: a.conversation.tenantId }, source: null, meeting: { id: Buffer.from(`${thread}#0`).toString('base64') } },
          value: { MeetingType: 'Scheduled', Title: 'North Ridge team coaching session', Id: thread, JoinUrl: joinUrl, EndTime: new Date().toISOString() },
        }),
      },
      timeoutMs: 60000,
      expect: [{ delivered: { to: PEOPLE, card: 'What will you try before the next session?', contains: 'A one-minute pulse' } },
        { delivered: { notTo: 'me', card: 'What will you try before the next session?' } }],
    },
    ...PEOPLE.map(afterSessionAnswer),
    {
      name: 'the coach sets a weekly check-in for today, a minute or two ahead',
      send: 'schedule',
      expect: [{ card: 'Check-in rhythm for North Ridge ICS system leadership (demo)', cardAction: 'Save rhythm' }],
    },
    {
      name: 'save the rhythm: the check-in reaches the five, and after it the card asking how their commitments went',
      submit: () => {
        cycle.checkInAt = nextWholeMinute(45_000);
        const l = clockOf(cycle.checkInAt);
        return { action: 'Save rhythm', inputs: { everyWeeks: '1', weekdays: l.weekday.toUpperCase(), time: l.time, openHours: '48', remindAfterHours: '24' } };
      },
      timeoutMs: 180000,
      expect: [{ text: 'every' },
        { delivered: { to: PEOPLE, card: 'Time for your check-in' } },
        { delivered: { to: PEOPLE, card: "What you said you'd try" } },
        { delivered: { to: 'Megan Bowen', card: "What you said you'd try", contains: 'Walk the discharge lounge on Friday' } }],
    },
    {
      name: "Megan says how the session's two commitments went (the card's other, older ones she leaves)",
      custom: {
        patch: (a, h) => {
          const card = cardIn(h.deliveredTo, 'Megan Bowen', "What you said you'd try");
          const idFor = (text) => {
            const found = (card.body || []).find((n) => n.type === 'Input.ChoiceSet' && /^c\d+$/.test(n.id) && String(n.label).includes(text));
            if (!found) throw new Error(`no commitment "${text}" on Megan's card`);
            return found.id;
          };
          const save = card.actions.find((x) => x.title === 'Save').data;
          return answerAs('Megan Bowen', { ...save, [idFor('Ask my deputy to chair')]: 'done', [idFor('Walk the discharge lounge')]: 'partly' })(a, h);
        },
      },
      expect: [{ delivered: { to: 'Megan Bowen', text: 'Saved, thank you.' } }],
    },
    {
      name: 'session pulse: each session, with the pulse and commitments as counts, none named',
      send: 'session pulse',
      timeoutMs: 60000,
      expect: [{ card: 'Sessions: pulse and commitments', contains: 'I could say what I really thought' },
        { card: 'Pulse answers', contains: 'Commitments made' },
        { check: (replies) => (JSON.stringify(replies).match(/Pulse answers/g) || []).length >= 3 || 'not every session shows its pulse' }],
    },
    {
      name: `the coach records the next session (${sessionAt}, within the digest's 24 hours): its digest has the cycle`,
      send: `next session ${sessionAt}`,
      // The digest is due at once, so it starts now (not at Quartz's next misfire scan) and usually arrives within
      // this step, a second after the reply: it is expected here, on its own, not in reply to a later message.
      timeoutMs: 120000,
      expect: [{ text: 'Recorded the next session' }, { text: 'straight away' },
        { card: 'Before your session: North Ridge ICS system leadership (demo)', contains: 'After the last sessions' },
        { card: 'After the last sessions', contains: '6 commitments' }],
    },
  ],
};
