// Waymark end-to-end scenario for playground-e2e.mjs: a participant's first check-in and action, as a person would do it.
//
// A step does exactly one thing a person can do in the Playground:
//   { open: true }                         open the personal chat (bot gets installationUpdate add + conversationUpdate membersAdded).
//                                          If no step has `open`, the driver opens the chat first anyway, like the web UI.
//   { send: 'text' }                       type a message
//   { submit: { action, inputs, card } }   click a button on the newest card that has a matching Action.Submit / Action.Execute
//       action: 'I agree'                  title or verb, exact (RegExp allowed)
//               { title, verb, type, data } every given field must match; data is a subset match, e.g. { data: { action: 'checkin' } }
//       inputs: { id: 'value', ... }       what the person fills in; merged over action.data like the real renderer
//                                          (Action.Submit -> message.value, Action.Execute -> invoke value.action.data)
//       card:   'text'                     optional: only cards showing this text
// and then `expect`s what the bot sends back during that step (all must hold):
//   { text: 'Thank you' }                  a reply whose text contains it (strings are case-sensitive; RegExp allowed, e.g. /thank you/i)
//   { card: 'privacy' }                    a reply with an Adaptive Card showing it (TextBlocks, titles, labels, choices...)
//   { cardInputs: ['a', 'b'] }             a card with inputs of these ids
//   { cardAction: 'I agree' }              a card with an action of this title or verb
//   { contains: 'x' }                      text or card contains it
//   keys in one object must hold for the SAME reply: { card: 'privacy', cardAction: 'I agree' }
//   { none: true } | { count: 2 } | { notContains: 'error' } | { check: (replies) => true || 'why it failed' }
// Optional per step: name, timeoutMs.

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
      name: 'complete action 1',
      send: 'done 1',
      expect: [{ text: 'Done' }],
    },
    {
      name: 'see my trend',
      send: 'my trend',
      expect: [{ card: 'Your trend', contains: '4' }],
    },
  ],
};
