// Word lists behind the sentence features. Changes here must be checked against the
// development set (`npm run eval:star` prints both parts); lists that only grow end up
// scoring every answer as complete.

export const IRREGULAR_PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'got',
  'went',
  'made',
  'took',
  'found',
  'wrote',
  'ran',
  'built',
  'led',
  'saw',
  'told',
  'gave',
  'kept',
  'began',
  'brought',
  'spent',
  'sent',
  'met',
  'chose',
  'knew',
  'thought',
  'came',
  'became',
  'felt',
  'left',
  'lost',
  'won',
  'paid',
  'sold',
  'taught',
  'caught',
  'held',
  'stood',
  'drew',
  'drove',
  'fell',
  'rose',
  'grew',
  'flew',
  'threw',
  'broke',
  'spoke',
  'woke',
  'froze',
  'forgot',
  'understood',
  'overcame',
  'undertook',
  'oversaw',
  'rewrote',
  'rebuilt',
  'sat',
  'bought',
  'fought',
  'sought',
  'meant',
  'dealt',
  'heard',
  'said',
  'ate',
  'hid',
  'shook',
  'swore',
  'tore',
  'wore',
  'bore',
  'stole',
  'struck',
  'stuck',
  'swung',
  'hung',
  'dug',
  'slid',
  'shone',
  'lay',
  'laid',
  'paid',
  'mislaid',
  'withdrew',
  'foresaw',
  'outgrew',
  'redid',
  'reran',
  'remade',
  'retook',
  'upheld',
  'withheld',
  'could',
  'learnt',
  'spelt',
  'burnt',
  'dreamt',
  'leant',
  'lent',
  'bent',
  'built',
  'sped',
  'fed',
  'fled',
  'bled',
  'read',
  'led',
  'misled',
  'shot',
  'lit',
  'slept',
  'swept',
  'wept',
  'crept',
  'bet',
  'split',
  'quit',
  'hit',
  'rode',
  'swam',
  'sang',
  'rang',
  'drank',
  'sank',
  'shrank',
  'sprang',
  'stank',
  'spun',
  'wound',
  'bound',
  'ground',
  'forbade',
  'forgave',
  'mistook',
  'overheard',
  'overtook',
  'rethought',
  'withstood',
  'beat',
  'bit',
  'blew',
  'chose',
  'clung',
  'dove',
  'fit',
  'flung',
  'knelt',
  'leapt',
  'proved',
  'rid',
  'sent',
  'sewed',
  'shed',
  'sought',
  'strove',
  'swore',
  'thrust',
  'trod',
  'wove',
  'wrung',
  'oversaw',
  'underwent',
  'went',
]);

// Verbs whose past form equals the present: only past when the rest of the sentence is.
export const AMBIGUOUS_PAST = new Set([
  'set',
  'put',
  'cut',
  'shut',
  'let',
  'spread',
  'cost',
  'hurt',
  'read',
  'split',
  'quit',
  'hit',
]);

// Past forms that describe a state rather than something the speaker did.
export const STATE_VERBS = new Set([
  'noticed',
  'realised',
  'realized',
  'was',
  'were',
  'had',
  'seemed',
  'felt',
  'knew',
  'could',
  'belonged',
  'lived',
  'owned',
]);

export const MODALS = new Set(['would', "'d", 'will', "'ll", 'should', 'might', 'may', 'must', 'can', 'shall']);
export const HABIT_ADVERBS = new Set([
  'usually',
  'always',
  'normally',
  'generally',
  'often',
  'typically',
  'tend',
  'tends',
  'sometimes',
  'rarely',
  'never',
  'regularly',
  'constantly',
]);
export const SKIP_ADVERBS = new Set([
  'also',
  'then',
  'just',
  'really',
  'quickly',
  'first',
  'finally',
  'immediately',
  'personally',
  'actually',
  'basically',
  'later',
  'still',
  'eventually',
  'soon',
  'even',
  'only',
  'instead',
  'myself',
  'ourselves',
  'all',
  'both',
  'kind',
  'sort',
  'of',
  'simply',
  'quietly',
  'carefully',
  'initially',
  'next',
  'again',
  'therefore',
  'together',
  'privately',
  'directly',
  'successfully',
  'manually',
  'gradually',
  'honestly',
  'like',
  'um',
  'uh',
  // hedges between the subject and its verb: "we maybe moved", "I probably spent"
  'maybe',
  'probably',
  'perhaps',
  'possibly',
  'somewhat',
  'kinda',
  'sorta',
]);

// A sentence that speaks about the speaker in general, or about the world, not about one event.
export const GENERIC_CUES =
  /\b(i think|i believe|i feel that|in general|generally speaking|is (?:the )?key|is (?:very |really |so )?important|the best way|you should|you need to|you have to|my (?:biggest |greatest |main )?(?:strength|weakness)|i(?: am|'m) (?:a |an |very |really |quite |good |great |passionate|someone|the kind|naturally|always)|i enjoy|i love|i like to|people tend|everyone makes|what matters|my approach|i find (?:that|this|it)|i get along|to be honest i (?:haven't|have not|don't))\b/;
export const HYPOTHETICAL_CUES =
  /\b(i would|i'd (?!been\b|had\b)[a-z]+|we would|if i (?:had|were|was|ever|see|face|get)|if (?:there was|there were|someone|a project|something)|in a situation like (?:that|this)|i will|i'll|i might|i could try)\b/;
/** the speaker's own plan told without a modal after the subject: "if I had ...", "I could try" */
export const OWN_HYPOTHETICAL = /\b(?:if (?:i|we) (?:had|were|was|ever|see|face|get)|i could try)\b/;
export const HABIT_CUES =
  /\b(i (?:usually|always|normally|generally|often|typically|tend to|try to|make sure|like to)|when i (?:see|face|get|have|need|start)|whenever|every time i (?![a-z]+ed\b))\b/;
export const META_CUES =
  /^(?:so yeah|that's (?:the story|it|about it)|(?:good|great|interesting) question|sure|okay|ok|yeah|yes|um+|uh+|so yeah|let me think|that's (?:it|all|the story|basically it)|i think that(?:'s| is) (?:it|basically it|about it)|hope (?:that|this) helps|thanks)\b/;

export const TIME_ANCHORS =
  /\b(last (?:year|month|week|spring|summer|autumn|fall|winter|quarter)|(?:a|one|two|three|four|five|six|several|a few|\d+) (?:years?|months?|weeks?|days?|winters?|summers?|springs?|autumns?|quarters?|semesters?|terms?) ago|(?:in|back in|during) (?:19|20)\d\d|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|\b(?:i|we|a [a-z]+|our [a-z]+) once\b|when i (?:took over|arrived|came in|got there|joined|started|was|worked|first|managed|ran|led|taught|studied|lived|volunteered|interned|coached|moved)\b|at (?:my|a|the|our) (?:previous|last|old|former|first|current|second)\b|at my (?:job|company|workplace|internship)|(?:in|during) my (?:first|second|third|last|final|previous|old|time|role|placement|internship|year)|during (?:my|a|the|our)|early in my career|my first (?:week|month|day|year|job)|one (?:night|day|morning|evening|afternoon|saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend|time)|back (?:in|when)|this was (?:at|when|back|in|during)|(?:at|in) (?:my|a) (?:previous|last|former) (?:role|job|company|position)|in my (?:previous|last|old) (?:job|role|company|position)|(?:while|when) i was|i was (?:working|a |an |the only|one of|in charge of a)|i worked (?:as|at|in|for)|as an? [a-z]+ (?:at|in)\b)/;
/** A place named with a capital ("at Google"): read on the text as written, not lower-cased. */
export const AT_PLACE = /\bat [A-Z][a-z]+/;
export const SITUATION_CUES =
  /(?:^as an? (?!result\b)[a-z]+(?: [a-z]+)?,|\bi (?:noticed|realised|realized|saw) that)|\b(there (?:was|were)|we had (?:a|an|no|this|some|lots|many|too)|(?:was|were) (?:failing|losing|behind|late|struggling|growing|taking|getting|running|using|stuck|slow|unhappy|low|high|old|out of date|broken|manual|barely|always|constantly|very|really|quite|so|too|only|not|a mess|hidden|done)|kept (?:failing|crashing|shipping|losing|changing|missing|emailing|coming)|(?:^|, |and )(?:our|the|my) [a-z]+(?: [a-z]+)? (?:was|were|had|took|kept)|context|background|the problem was|the issue was|the challenge was|was the only)\b/;
export const TASK_CUES =
  /\b(my (?:goal|job|task|responsibility|role|aim|mission|objective|brief|remit) (?:was|is)|the (?:goal|task|aim|objective|target|mission|priority) (?:was|is|became)|i (?:was|got) (?:asked|tasked|responsible|in charge|sent|assigned|given|chosen|brought in|hired)|asked me to|told me to|responsible for|wanted me to|tasked me|i (?:had|needed|wanted|was supposed|decided i needed|took it on myself|volunteered|offered|owned) to|i owned|i volunteered to|it was (?:on me|my job|my responsibility)|i had to|i needed to|(?:so|and) i took it on|we (?:had|needed) to (?!be\b)|(?:it's|it is|it was) (?:my|our) (?:job|role|task|responsibility) to|(?:one of )?my (?:main )?tasks? (?:is|was) to|the (?:challenge|problem|ask|brief|plan) (?:was|became) (?:to|how)|(?:our|my) (?:problem|challenge) was|(?:i|we) (?:was|were) given (?:\w+ ){0,3}?(?:days?|weeks?|hours?|months?|a deadline|the (?:task|job|project))|was (?:up to|on) me|as the (?:new |only |acting )?[a-z]+(?: [a-z]+)?,? i (?:had|needed|was|owned)|the founders wanted|(?:the|my|our) (?:owner|founders?|manager|boss|lead|director|client|customer|head|ceo|cto|team|company|business) (?:needed|wanted) (?:a way|me|us|someone|to|help)|(?:manager|boss|lead|director|client|dentist|teacher|supervisor) (?:wanted|asked|told) (?:me|us)|wanted to (?:do something|find|fix|understand|cut|reduce|improve|get|make))\b/;
export const RESULT_CUES =
  /\b(as a result|in the end|at the end of the day|the result was|the outcome|which (?:led|resulted|meant)|this (?:led|resulted|meant)|that (?:led|resulted|meant)|resulted in|led to|ended up|after that (?:we|it|the|our|they|there)|since then|from then on|by the end|by (?:june|july|the next|the following|then)|(?:^|, |and )within (?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?|years?|quarters?)|(?:much|a lot|far|significantly|noticeably) (?:easier|faster|better|quicker|smoother|calmer|happier|more|less|fewer)|(?:the )?(?:next|following) (?:quarter|month|year|release|launch|audit|review|inspection|season|sprint|survey|term|semester|week)|instead of (?:\d|a |an |the )|compared (?:to|with)|(?:down|up) from|than (?:before|last|the previous|usual)|(?:fewer|less|more) than (?:before|\d)|i learn(?:ed|t) (?:that|to|how|what|the|a (?:lesson|valuable)|from|never|always)|taught me|the lesson|it worked|worked well|went smoothly|went ahead|went out|on time|on schedule|ahead of schedule|on budget|under budget|early|renewed|recovered|stayed with|came back|thanked|calmed down|was (?:back|happy|pleased|praised|without (?:any |a single )?(?:problems?|issues?|complaints?|incidents?|errors?|a hitch|downtime)|(?:nothing|nobody|no one|none of (?:them|us|the [a-z]+)) (?:had|was|were|got|needed|went|missed|lost|left)|(?:approved|adopted|accepted) (?:it|our|the|my)|still uses?|agreed to (?:keep|adopt|use|roll)|adopted|promoted|well received|a success|successful|able to)|were (?:back|happy|pleased|able to)|became|got (?:a|the|back|better)|now (?:\w+ )?(?:takes|runs|finishes|is|are|has|have|processed|handled)|are now|is now|no longer|stopped|never again|zero|without (?:a single|any)|praised|(?:great|good|positive|glowing) feedback|well received|happy|popular|signed|hired|promoted|won)\b/;
// how it turned out, told plainly and without a number: "the launch went smoothly", "from
// then on the job ran clean", "in the end we found a compromise", "we rolled back within an hour"
export const PLAIN_RESULT =
  /\b(?:(?:at|towards?|by|near) the end\b(?! of (?:each|every|all)\b)|eventually|ultimately|in the end|(?<!what |how )(?:ran|went|runs|goes|run|gone|going) (?:\w+ )?(?:smoothly|clean(?:ly)?|well|fine|without a hitch|live)|(?:found|reached|came up with|figured out|worked out|agreed on|settled on) (?:a |an |the |on )?(?:solution|compromise|fix|way|agreement|plan|what)|for another (?:\w+ )?(?:years?|months?|seasons?|terms?|quarters?)|signed (?:on|up|off|the)|stayed (?:on|with)|renewed|(?:since then|ever since|from then on|to this day),? (?!i\b)[a-z]+|(?:it|this|that|the (?:\w+ )?(?:plan|idea|change|fix|approach)) (?:worked|failed|paid off|helped|succeeded|stuck)|(?:i|we) (?:lost|won) (?:the|that|it)|(?:was|were|got) (?:fixed|resolved|solved|approved|accepted|adopted|done|finished|delivered|released|launched|shipped) (?:on time|in time|early|that|by|before|within|and|\.|$))/;
// how soon it was done ("we rolled back within about an hour"): an outcome after the story's
// steps, but in a step it is often the step's own detail ("feedback was due within 24 hours")
export const WITHIN_TIME =
  /\bwithin (?:about |around |less than |under )?(?:a|an|one|two|three|four|five|ten|\d+) (?:minutes?|hours?|days?|weeks?|months?)\b/;
export const CHANGE_VERBS =
  /\b(turned (?:around|round)|turned (?:it|things|the [a-z]+) (?:around|round)|dropped|drop|fell|fallen|rose|risen|increased|decreased|reduced|cut|saved|doubled|tripled|halved|improved|grew|went (?:from|down|up)|came down|climbed|jumped|shrank|lowered|raised|boosted|shortened|sped up|down to|down by|up by)\b/;
export const NUMBER =
  /(?:[$£€]\s?\d|\d[\d,.]*\s?(?:%|k\b|m\b|ms\b|x\b)|\b(?!(?:19|20)\d\d\b)\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|half|twice|double (?:the|that|what|its|our|their|my)|doubled|tripled|halved|zero|dozen|dozens|percent|per cent)\b|\bone (?:day|week|month|year|hour|minute|second|quarter|sprint|percent)s?\b|\bfrom [^ ]+(?: [^ ]+){0,2} to \S)/;
export const SEQUENCE_START =
  /^(?:so |and |but )?(?:first(?:ly)?|then|next|after that|afterwards|after|finally|also|second(?:ly)?|third(?:ly)?|meanwhile|at the same time|in the meantime|to (?:fix|solve|do|address|start)|i started by|i began by)\b/;
// Padding that carries no meaning ("um", "basically", "you know")...
export const FILLERS =
  /\b(um+|uh+|erm|like,|, like|you know|basically|honestly|actually|literally|i mean|just|really|pretty much|stuff|things like that|or something)\b/g;
// ...and hedges that make the speaker sound unsure of their own story ("kind of", "maybe").
export const HEDGES =
  /\b(kind of|sort of|maybe|probably|perhaps|possibly|i think|i guess|i suppose|i feel like|somewhat|more or less|a little bit|a bit|hopefully|i'm not sure|might have|may have)\b/g;

/** Subjects whose verb is inspected; "i" variants are normalised before this. */
export const PERSONAL_SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they']);

// "I can't think of a time", "I've never had that happen"
export const NO_EXAMPLE =
  /\b(?:i|we)(?:'ve| have)? (?:(?:really|honestly|actually|just) )?(?:don't|do not|haven't|have not|can't|cannot|can not|never|couldn't)(?: really| actually| honestly| ever)? (?:have (?:a|an|any|one|that|this|such|had)|had|think of|remember|recall|been in|faced|come across|experienced|encountered)\b|\bnothing comes to mind\b|\bnot (?:that|something) i can (?:think of|recall|remember)\b/i;

// One occasion named as such ("one time", "last semester", "this past January", "a few weeks
// ago"): the mark of a story, beside the time anchors a Situation opens with.
export const EPISODE_ANCHORS =
  /\b(?:one (?:time|day|night|morning|afternoon|evening|week|weekend|semester|summer|year)|there was (?:a|one|this) (?:time|day|situation|project|incident)|once,|last (?:year|month|week|semester|term|summer|spring|fall|autumn|winter|quarter|sprint)|this past (?:year|month|week|semester|term|summer|spring|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)|(?:a|one|two|three|four|five|six|several|a few|a couple of|\d+) (?:days?|weeks?|months?|years?) (?:ago|later)|(?:in|back in) (?:19|20)\d\d|recently|the (?:time|day) (?:when|that|i|we)|at the end of (?:the|that|last))\b/i;
// A stretch of time or a run of occasions told as one ("for three years", "every time",
// "in several instances"): the mark of a summary or a habit rather than one episode.
export const GENERAL_SPANS =
  /\b(?:for (?:the (?:past|last) )?(?:\d+|a few|several|many|two|three|four|five|six|ten|fifteen) (?:years|months|seasons|semesters)|every (?:time|job|year|week|day|semester|season|event)|(?:several|many|multiple|numerous) (?:instances|times|occasions|roles|positions)|a lot of (?:the )?times|whenever|in general|typically|throughout (?:my|the|our)|all (?:the|of the) time)\b/i;

// A duty stated outright ("my role in this project is to", "I was tasked with", "it was my
// responsibility to"), not inside a "where"/"when" clause: in a story, the sentence is the Task.
export const DUTY_CUES =
  /(?<!\b(?:where|when|which|that|who|because|if|since|after|before|until) )\b(?:(?:one of )?(?:my|our) (?:\w+ ){0,3}?(?:role|job|task|goal|aim|responsibility|objective|mission|assignment)s? (?:(?:in|on|for|as|of) (?:\w+ ){0,4}?)?(?:was|is|were|became) (?:to|making|getting|building|ensuring)\b|(?:i|we)(?: was|'m| am| were|'re| are| got) (?:tasked|asked to|charged with|responsible for|in charge of)\b|it was (?:my|our) (?:job|responsibility|task|role)\b)/i;
