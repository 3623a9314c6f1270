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
  'had',
  'privately',
  'directly',
  'successfully',
  'manually',
  'gradually',
  'honestly',
  'like',
  'um',
  'uh',
]);

// A sentence that speaks about the speaker in general, or about the world, not about one event.
export const GENERIC_CUES =
  /\b(i think|i believe|i feel that|in general|generally speaking|is (?:the )?key|is (?:very |really |so )?important|the best way|you should|you need to|you have to|my (?:biggest |greatest |main )?(?:strength|weakness)|i(?: am|'m) (?:a |an |very |really |quite |good |great |passionate|someone|the kind|naturally|always)|i enjoy|i love|i like to|people tend|everyone makes|what matters|my approach|i find (?:that|this|it)|i get along|to be honest i (?:haven't|have not|don't))\b/;
export const HYPOTHETICAL_CUES =
  /\b(i would|i'd (?!been\b|had\b)[a-z]+|we would|if i (?:had|were|was|ever|see|face|get)|if (?:there was|there were|someone|a project|something)|in a situation like (?:that|this)|i will|i'll|i might|i could try)\b/;
export const HABIT_CUES =
  /\b(i (?:usually|always|normally|generally|often|typically|tend to|try to|make sure|like to)|when i (?:see|face|get|have|need|start)|whenever|every time i (?![a-z]+ed\b))\b/;
export const META_CUES =
  /^(?:(?:good|great|interesting) question|sure|okay|ok|yeah|yes|um+|uh+|so yeah|let me think|that's (?:it|all|the story|basically it)|i think that(?:'s| is) (?:it|basically it|about it)|hope (?:that|this) helps|thanks)\b/;

export const TIME_ANCHORS =
  /\b(last (?:year|month|week|spring|summer|autumn|fall|winter|quarter)|(?:a|one|two|three|four|five|six|several|a few|\d+) (?:years?|months?|weeks?) ago|(?:in|back in|during) (?:19|20)\d\d|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|when i (?:joined|started|was|worked|first)|at (?:my|a|the|our) (?:previous|last|old|former|first|current|second)\b|at my (?:job|company|workplace|internship)|(?:in|during) my (?:first|second|third|last|final|previous|old|time|role|placement|internship|year)|during (?:my|a|the|our)|early in my career|my first (?:week|month|day|year|job)|one (?:night|day|morning|evening|afternoon|saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend|time)|back (?:in|when)|this was (?:at|when|back|in|during)|(?:at|in) (?:my|a) (?:previous|last|former) (?:role|job|company|position)|in my (?:previous|last|old) (?:job|role|company|position)|(?:while|when) i was|i was (?:working|a |an |the only|one of|in charge of a)|i worked (?:as|at|in|for)|as an? [a-z]+ (?:at|in)\b|at [A-Z][a-z]+)/;
export const SITUATION_CUES =
  /(?:^as an? [a-z]+(?: [a-z]+)?,|\bi (?:noticed|realised|realized|saw) that)|\b(there (?:was|were)|we had (?:a|an|no|this|some|lots|many|too)|(?:was|were) (?:failing|losing|behind|late|struggling|growing|taking|getting|running|using|stuck|slow|unhappy|low|high|old|out of date|broken|manual|barely|always|constantly|very|really|quite|so|too|only|not|a mess|hidden|done)|kept (?:failing|crashing|shipping|losing|changing|missing|emailing|coming)|(?:our|the|my) [a-z]+(?: [a-z]+)? (?:was|were|had|took|kept)|context|background|the problem was|the issue was|the challenge was|was the only)\b/;
export const TASK_CUES =
  /\b(my (?:goal|job|task|responsibility|role|aim|mission|objective|brief|remit) (?:was|is)|the (?:goal|task|aim|objective|target) was|i (?:was|got) (?:asked|tasked|responsible|in charge|sent|assigned|given|chosen|brought in|hired)|asked me to|told me to|responsible for|wanted me to|tasked me|i (?:had|needed|wanted|was supposed|decided i needed|took it on myself|volunteered|owned) to|i owned|i volunteered to|it was (?:on me|my job|my responsibility)|i had to|i needed to|(?:so|and) i (?:decided|took it on)|was (?:up to|on) me|as the (?:new |only |acting )?[a-z]+(?: [a-z]+)?,? i (?:had|needed|was|owned)|the founders wanted|(?:manager|boss|lead|director|client|dentist|teacher|supervisor) (?:wanted|asked|told) (?:me|us)|wanted to (?:do something|find|fix|understand|cut|reduce|improve|get|make))\b/;
export const RESULT_CUES =
  /\b(as a result|in the end|at the end of the day|the result was|the outcome|which (?:led|resulted|meant)|this (?:led|resulted|meant)|that (?:led|resulted|meant)|resulted in|led to|ended up|after that (?:we|it|the|our|they|there)|since then|from then on|by the end|by (?:june|july|the next|the following|then)|(?:^|, |and )within (?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?|years?|quarters?)|(?:much|a lot|far|significantly|noticeably) (?:easier|faster|better|quicker|smoother|calmer|happier|more|less|fewer)|(?:the )?next (?:quarter|month|year|release|launch)|i learn(?:ed|t)|taught me|the lesson|it worked|worked well|went smoothly|went ahead|went out|on time|on schedule|ahead of schedule|on budget|under budget|early|renewed|recovered|stayed with|came back|thanked|calmed down|was (?:back|happy|pleased|praised|adopted|promoted|well received|a success|successful|able to)|were (?:back|happy|pleased|able to)|became|got (?:a|the|back|better)|now (?:\w+ )?(?:takes|runs|finishes|is|are|has|have|processed|handled)|are now|is now|no longer|stopped|never again|zero|without (?:a single|any)|praised|feedback was|well received|happy|popular|signed|hired|promoted|won)\b/;
export const CHANGE_VERBS =
  /\b(dropped|drop|fell|fallen|rose|risen|increased|decreased|reduced|cut|saved|doubled|tripled|halved|improved|grew|went (?:from|down|up)|came down|climbed|jumped|shrank|lowered|raised|boosted|shortened|sped up|down to|down by|up by)\b/;
export const NUMBER =
  /(?:[$£€]\s?\d|\d[\d,.]*\s?(?:%|k\b|m\b|ms\b|x\b)|\b(?!(?:19|20)\d\d\b)\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|half|twice|double|doubled|tripled|halved|zero|dozen|dozens|percent|per cent)\b|\bone (?:day|week|month|year|hour|minute|second|quarter|sprint|percent)s?\b|\bfrom [^ ]+(?: [^ ]+)? to \S)/;
export const SEQUENCE_START =
  /^(?:so |and |but )?(?:first(?:ly)?|then|next|after that|afterwards|after|finally|also|second(?:ly)?|third(?:ly)?|meanwhile|at the same time|in the meantime|to (?:fix|solve|do|address|start)|i started by|i began by)\b/;
export const FILLERS =
  /\b(um+|uh+|erm|like,|, like|you know|basically|kind of|sort of|honestly|actually|literally|i mean|i guess|just|really|maybe|probably|i think|somewhat|pretty much|stuff|things like that|or something)\b/g;

/** Subjects whose verb is inspected; "i" variants are normalised before this. */
export const PERSONAL_SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they']);
