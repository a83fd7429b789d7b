// What a person would call broken, read from the text the Playground's web UI shows for the bot's messages.
// Each finding is { check, detail }; known-failures.mjs names findings by step id and check.

/** Command words that need something after them: left at the end of an instruction, their argument was swallowed. */
const NEEDS_ARGUMENT = 'join|accept invitation|add group|use programme|leave programme|create programme|add action|'
  + 'rename theme|merge themes|not about|more like|time zone|next session';

const RULES = [
  { check: 'error', test: /sorry,? something went wrong/i, why: 'the bot says something went wrong' },
  { check: 'playground-error', test: /\bnot supported\b|unable to render|could not render/i, why: 'the Playground cannot show it' },
  // Teams (and the Playground) read <code>, <name> ... as HTML tags and drop them: what is left gives it away.
  // After a letter or digit only: pretty-printed JSON ("key" : "value") has a space before its colons by design.
  { check: 'placeholder', test: /[\p{L}\p{N}][ \t]+[.,;:!?)](?=[ \t]|$)/mu, why: 'a space before punctuation (was a <placeholder> there?)' },
  { check: 'placeholder', test: /\(\s*\)/, why: 'empty parentheses' },
  { check: 'placeholder', test: /\S[ \t]{2,}\S/, why: 'a doubled space (was a <placeholder> there?)' },
  {
    check: 'placeholder',
    test: new RegExp(`\\b(?:send|type|say|write|with|use)\\s*:?\\s*(?:${NEEDS_ARGUMENT})\\s*[.,;:)]?[ \\t]*$`, 'im'),
    why: 'an instruction ends where its argument should be',
  },
];

export function problemsIn(text) {
  const found = [];
  for (const rule of RULES) {
    const m = rule.test.exec(text);
    if (m) {
      const at = m.index;
      const line = text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));
      found.push({ check: rule.check, detail: `${rule.why}: "${line.trim().slice(0, 160)}"` });
    }
  }
  return found;
}
