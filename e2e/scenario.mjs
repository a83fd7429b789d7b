// Waymark end-to-end scenario for playground-e2e.mjs: a participant's first check-in and action, as a person would do it.
//
// A step does exactly one thing a person can do in the Playground:
//   { open: true }                         open the personal chat (bot gets installationUpdate add + conversationUpdate membersAdded).
//                                          If no step has `open`, the driver opens the chat first anyway, like the web UI.
//   { open: 'team' | 'groupChat' | 'Announcements' }
//                                          add the bot to the team (General channel) / group chat / that channel: installationUpdate
//                                          + conversationUpdate membersAdded=[bot], with channelData.team in a team. A conversation used
//                                          before it is opened is opened implicitly first (an extra step), like the web UI.
//   { send: 'text' }                       type a message
//   { submit: { action, inputs, card } }   click a button on the newest card that has a matching Action.Submit / Action.Execute
//       action: 'I agree'                  title or verb, exact (RegExp allowed)
//               { title, verb, type, data } every given field must match; data is a subset match, e.g. { data: { action: 'checkin' } }
//       inputs: { id: 'value', ... }       what the person fills in; merged over action.data like the real renderer
//                                          (Action.Submit -> message.value, Action.Execute -> invoke value.action.data)
//       card:   'text'                     optional: only cards showing this text
//   { custom: { template, patch } }        "Mock an Activity": the Playground's template (install, uninstall, botAdded, userAdded,
//                                          botRemoved, userRemoved, channelCreated, channelRenamed, channelDeleted, teamRenamed,
//                                          teamDeleted) changed by patch: an object merged in, or
//                                          (activity, { user, chatWith, deliveredTo, me, bot, users }) => activity
//   in: 'team' | 'groupChat' | 'Announcements' | 'personal' (default)
//                                          where send / submit / custom happen. In a channel or group chat, send types "@Test Bot text"
//                                          (the Playground only forwards @mentions; mention: false sends without it and the bot gets
//                                          nothing). In a channel each send starts a new post; reply: true answers in the newest post.
// and then `expect`s what the bot sends back during that step (all must hold):
//   { text: 'Thank you' }                  a reply whose text contains it (strings are case-sensitive; RegExp allowed, e.g. /thank you/i)
//   { card: 'privacy' }                    a reply with an Adaptive Card showing it (TextBlocks, titles, labels, choices...)
//   { cardInputs: ['a', 'b'] }             a card with inputs of these ids
//   { cardAction: 'I agree' }              a card with an action of this title or verb
//   { contains: 'x' }                      text or card contains it
//   keys in one object must hold for the SAME reply: { card: 'privacy', cardAction: 'I agree' }
//   { none: true } | { count: 2 } | { notContains: 'error' } | { check: (replies, ctx) => true || 'why it failed' }
//   Replies are the bot's messages in the step's conversation (a team step: that channel, all its posts).
//   { connectorCalls: { method: 'POST', path: /\/v3\/conversations$/, min: 2 } }
//                                          bot -> connector calls in this step (method, path, name, status, query, body; min/max/count,
//                                          default at least one). path is decoded, without the service URL prefix.
//   { delivered: { to: 'members', text: 'Welcome' } }
//                                          messages the bot posted in this step into 1:1 chats (the personal chat, or chats it opened
//                                          with createConversation). to / notTo: 'me' | 'members' | name | id | RegExp | array;
//                                          text/card/contains/cardInputs/cardAction filter; min/max/count. Other users' 1:1 chats are
//                                          invisible in the Playground UI; the driver sees them only through the connector calls.
// Optional per step: name, timeoutMs, notBefore (ms since the epoch, or a function giving it: the step waits for that
// moment before acting, e.g. a session's start). submit may be a function returning its spec, called when the step runs.
// A custom step's patch also gets deliveredTo(name): the bot's messages in that person's 1:1 chat, newest first.
//
// The Playground's roster is fixed: you (the coach) + 5 users (Megan Bowen, Adele Vance, Isaiah Langer, Patti Fernandez,
// Lynne Robbins), all in the one team "My Team" (General + "Announcements") and the one group chat.
//
// Example, not run yet (coach flow): the coach creates a programme in the 1:1, adds the bot to the team, types enrol there,
// and every member gets a welcome in a new 1:1 chat; texts are placeholders until the coach feature exists.
//
//    { name: 'coach creates a programme', send: 'create programme Pilot', expect: [{ text: 'Pilot' }] },
//    { name: 'coach adds Waymark to the team', open: 'team' },
//    {
//      name: 'coach types enrol in the team',
//      send: 'enrol', in: 'team', timeoutMs: 30000,
//      expect: [
//        { connectorCalls: { method: 'GET', path: /\/pagedmembers$/ } },
//        { connectorCalls: { method: 'POST', path: '/v3/conversations', count: 5 } },
//        { delivered: { to: 'members', text: 'Welcome', contains: 'Pilot' } },
//        { delivered: { notTo: 'me', text: 'Welcome' } },
//        { text: /5 (people|members)/ },
//      ],
//    },
//    {
//      name: 'Megan answers her welcome (the Playground cannot type as her, so mock it)',
//      custom: {
//        patch: (a, { user, chatWith }) => ({ ...a, type: 'message', text: 'hello', textFormat: 'plain', from: user('Megan Bowen'),
//          conversation: { id: chatWith('Megan Bowen'), conversationType: 'personal', tenantId: a.conversation.tenantId } }),
//      },
//      expect: [{ delivered: { to: 'Megan Bowen' } }],
//    },
//    {
//      name: 'Megan leaves the team',
//      custom: { template: 'userRemoved', patch: (a, { user }) => ({ ...a, membersRemoved: [user('Megan Bowen')] }) }, in: 'team',
//      expect: [{ none: true }],
//    },

// A check-in rhythm due about a minute from now, in the Playground's time zone (UTC unless PLAYGROUND_TZ says
// otherwise): the scheduled check-in then arrives on its own, through the Playground's connector.
const soon = new Date(Date.now() + 150_000); // the steps before this take well under two minutes
const tz = process.env.PLAYGROUND_TZ || process.env.TZ || 'UTC';
const part = (type) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, [type]: type === 'weekday' ? 'long' : '2-digit', hourCycle: 'h23' })
  .formatToParts(soon).find((p) => p.type === type).value;
const soonDay = part('weekday').toUpperCase();
const soonTime = `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;

export default {
  name: 'Waymark happy path',
  steps: [
    {
      name: 'install: welcome card with privacy notice and consent button',
      open: true,
      expect: [{ card: 'privacy', cardAction: 'I agree' }],
    },
    {
      name: 'give consent',
      submit: { action: 'I agree' }, // Action.Submit data {"action":"consent"}
      expect: [{ text: 'Thank you' }],
    },
    {
      name: 'start a check-in',
      send: 'check in',
      expect: [{ cardInputs: ['wellbeing', 'energy', 'reflection'] }],
    },
    {
      name: 'submit the check-in card',
      // sends value {"action":"checkin","wellbeing":"4","energy":"3","reflection":"Tried a new huddle format","quoteOk":"false"}
      submit: {
        action: { data: { action: 'checkin' } },
        inputs: { wellbeing: '4', energy: '3', reflection: 'Tried a new huddle format', quoteOk: 'false' },
      },
      expect: [{ card: 'Saved', contains: 'Wellbeing' }],
    },
    {
      name: 'add an action',
      send: 'add action Hold a listening session',
      expect: [{ text: 'Added' }],
    },
    {
      name: 'list my actions',
      send: 'my actions',
      expect: [{ card: 'Hold a listening session' }],
    },
    {
      // The Playground can't take a file consent card nor show application/json: the export comes as a JSON code block.
      name: 'my data: the summary card, then the export as JSON in the chat',
      send: 'my data',
      expect: [{ card: 'Everything Waymark stores about you', contains: 'copy it into a file' },
        { text: '```json\n{' },
        { check: (replies) => !JSON.stringify(replies).includes('card.file.consent') || 'a file consent card' }],
    },
    {
      name: 'complete action 1',
      send: 'done 1',
      expect: [{ text: 'Done' }],
    },
    {
      name: 'see my trend',
      send: 'my trend',
      expect: [{ card: 'Your trend', contains: '4' }],
    },
    {
      name: 'coach creates a programme',
      send: 'create programme Pilot cohort',
      expect: [{ text: 'Created "Pilot cohort"' }, { card: 'Join code' }],
    },
    {
      name: 'coach adds a group',
      send: 'add group East place board',
      expect: [{ text: 'Added the group "East place board"' }],
    },
    { name: 'coach adds Waymark to the team', open: 'team' },
    {
      name: 'coach types enrol in the team; every member is welcomed in a private 1:1 chat',
      send: 'enrol', in: 'team', timeoutMs: 30000,
      expect: [
        { text: /Enrolling 6 people/ },
        { connectorCalls: { method: 'GET', path: /\/pagedmembers$/ } },
        { connectorCalls: { method: 'POST', path: '/v3/conversations', count: 5 } },
        { delivered: { to: 'members', text: 'has added you to "Pilot cohort"' } },
        { delivered: { to: 'members', card: 'Welcome to Waymark' } },
        { text: /Enrolment into "Pilot cohort" is done: 5 welcomed/ },
      ],
    },
    {
      name: 'the programme now shows five people',
      send: 'programme',
      expect: [{ card: '5 taking part' }],
    },
    {
      name: 'the coach joins their own programme, to receive its check-ins too',
      send: ({ botSaid }) => `join ${botSaid.match(/join ([A-Z0-9]{3}-[A-Z0-9]{3})/)[1]}`,
      expect: [{ text: 'Welcome to "Pilot cohort"' }],
    },
    {
      name: `the coach sets a weekly rhythm for ${soonDay} at ${soonTime} (a couple of minutes after the run began)`,
      send: 'schedule',
      expect: [{ card: 'Check-in rhythm for Pilot cohort', cardAction: 'Save rhythm' }],
    },
    {
      name: 'save the rhythm',
      submit: {
        action: 'Save rhythm',
        inputs: { everyWeeks: '1', weekdays: soonDay, time: soonTime, openHours: '48', remindAfterHours: '24' },
      },
      expect: [{ text: 'every' }],
    },
    {
      name: 'wait: the scheduled check-in arrives on its own, naming the programme',
      send: 'my schedule',
      timeoutMs: 180000,
      expect: [{ text: 'Next check-in' }, { card: 'Time for your check-in', contains: 'Pilot cohort' }],
    },
  ],
};
