// Waymark coach insight through the Playground, on the demo data (bot started with --spring.profiles.active=demo).
// The Playground's default user is the demo programme's coach; its eighteen leaders have six weeks of check-ins and
// three rounds of peer coaching, and five of them are the Playground's own users.
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
      name: `the coach records the next session (${sessionAt}, within the digest's 24 hours)`,
      send: `next session ${sessionAt}`,
      // The digest is due at once, so it starts now (not at Quartz's next misfire scan) and usually arrives within
      // this step, a second after the reply: it is expected here, on its own, not in reply to a later message.
      timeoutMs: 120000,
      expect: [{ text: 'Recorded the next session' }, { text: 'straight away' },
        { card: 'Before your session: North Ridge ICS system leadership (demo)', contains: 'Questions you might bring' }],
    },
  ],
};
