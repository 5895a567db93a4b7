// The model card in English: what each indicator and mechanic means, how it moves and what it assumes,
// written from the engine (src/engine/mechanics, phases/resolution.ts, phases/coordination.ts, apply.ts, view.ts).
import type { ModelContent } from './content.js';

export const MODEL_EN: ModelContent = {
  indicators: {
    process: {
      means:
        'How far the political process between the parties has come: talks, agreement and its implementation (0–100).',
      moves:
        'Up with political and talks actions and with force that backs a live political track (+{leverage}); down by {drift} in a month with no political work, by {substitution} when force replaces politics, and by {neglect} each month a signed agreement is not worked on.',
      assumes:
        'That the mission must keep working for the political process, though it rarely leads it (Kampala was facilitated by Uganda for the ICGLR; Algiers was led by Algeria), and that a process nobody works on loses ground.',
    },
    consent: {
      means: 'The host state’s consent to the mission’s presence and work.',
      moves:
        'Each month by (closeness − 50) / 15 from the distance to the host state; down by half of {substitution} when force is used in place of a political process; and by the effects of actions and events.',
      assumes:
        'That closeness buys consent and distance costs it; consent counts half of the consent-and-impartiality dimension.',
    },
    impartiality: {
      means: 'How impartial the mission is seen to be by the parties and the population.',
      moves:
        'When the host state is itself a party and closeness exceeds 55, down each month by (closeness − 50) / 12; otherwise by actions and events.',
      assumes:
        'That embracing a host state that is a party to the conflict costs impartiality; it counts half of the consent-and-impartiality dimension.',
    },
    trust: {
      means: 'The population’s trust in the mission.',
      moves:
        'Each month by the expectation gap: when expectations exceed protection, down by the gap / 15 (rounded up); when protection exceeds expectations, up by at most 2. Also by actions and events.',
      assumes: 'That trust follows the difference between what people were promised and the protection they get.',
    },
    expectations: {
      means: 'What the population expects the mission to deliver.',
      moves:
        'Up by each mandated task’s expectation when the mandate is adopted or a task added; down by half a task’s expectation when a review drops it.',
      assumes: 'That every task in the mandate raises expectations, whether or not the mission can meet them.',
    },
    cohesion: {
      means: 'The unity of the mission’s components (civilian, military, police, envoy).',
      moves:
        'Down by {conflictCost} for each conflict between the chairs’ revealed plans; down by 1 for technical ceasefire talks with no live political track; and by actions and events.',
      assumes:
        'That a united mission gets more from every action: cohesion scales every favourable effect (×0.5 at 0, ×1 at 50, ×1.5 at 100).',
    },
    credibility: {
      means: 'The mission’s credibility with the Security Council and the troop and police contributors.',
      moves:
        'Down by {deployCost} each month a reinforcement is overdue past {deployGrace} months, by 1 for each spoiler attack, by 1 for futile technical talks; up 3 (or down 2) at a mandate review with (or without) frank analysis (analysis ≥ {frankAnalysis}).',
      assumes: 'That the Council and contributors judge the mission by delivery and by the candour of its reporting.',
    },
    regional: {
      means: 'How far neighbours and regional organizations are aligned with the process.',
      moves:
        'Down by 1 per neighbour or regional organization not engaged for {exclusionTurns} months; up through regional actions and events.',
      assumes:
        'That an agreement without regional alignment does not hold: below {regionalFloor} it loses 3 points of implementation a month.',
    },
    analysis: {
      means: 'The mission’s capacity to understand the situation (JMAC, JOC and the like).',
      moves: 'Up by {policeAnalysis} each month for each police unit in a town, and by analysis actions and events.',
      assumes:
        'That better analysis narrows the fog (estimates ± {fog} × (100 − analysis) / 100), sharpens operations, warns of events a month ahead and of spoiler attacks.',
    },
    casualties: {
      means: 'Peacekeeper casualties; higher is worse (the casualties dimension scores 100 − casualties).',
      moves: 'Up by 3 for each spoiler attack on the mission, and by events.',
      assumes: 'That groups outside any process strike the mission where it stands among them.',
    },
    closeness: {
      means: 'How close the mission stands to the host state; 50 is a balanced distance.',
      moves: 'By actions and events that draw the mission towards or away from the government.',
      assumes:
        'That leverage is greatest at a balanced distance: political actions are scaled by 1 − |closeness − 50| / 100.',
    },
  },
  mechanics: {
    'mandate-focus': {
      means: 'The mission’s capacity is shared across its mandated tasks.',
      moves: 'An action that serves a mandated task is scaled by √(focus / tasks), at most ×1.2.',
      assumes: 'That a mandate with more tasks than the mission’s focus does less on each.',
    },
    'mandate-expectations': {
      means: 'Every mandated task raises what the population expects.',
      moves:
        'Adopting or adding a task raises expectations by its value; dropping it at a review lowers them by half that value.',
      assumes: 'That expectations are set by what is promised, not by what is delivered.',
    },
    'mandate-review': {
      means: 'At a review the Council refocuses the mandate if told what it needs to know.',
      moves: 'Credibility +3 when analysis is at least {frankAnalysis}, −2 otherwise.',
      assumes: 'That frank reporting to the Council takes analysis.',
    },
    'primacy-leverage': {
      means: 'Force in the service of a live political track adds leverage at the table.',
      moves:
        'Offensive or pressure action on a party named in the strategy’s track, with process ≥ {liveProcess}: process +{leverage}, and the party’s stance +2 if it is negotiable.',
      assumes: 'That force works when it serves politics.',
    },
    'process-drift': {
      means: 'A political process nobody works on loses ground.',
      moves: 'Process −{drift} in a month when no chair plays a political or talks action.',
      assumes:
        'That a process does not run by itself: the mission must keep working for it, even when others lead the mediation.',
    },
    'force-substitution': {
      means: 'Force used in place of a political process erodes it.',
      moves:
        'Offensive or pressure action on an actor outside a live political track: process −{substitution}, consent −{substitution}/2.',
      assumes: 'That military means cannot substitute for a political strategy.',
    },
    'agreement-implementation': {
      means: 'A signed agreement is a beginning: it needs work every month.',
      moves:
        'In a month after signing with no implementation action: process −{neglect} and implementation −2. At 100% the agreement is implemented.',
      assumes: 'That agreements stall when neglected.',
    },
    'futile-technical-talks': {
      means: 'Technical ceasefire talks without a live political track go nowhere.',
      moves: 'Such an action has none of its own effects; instead cohesion −1 and credibility −1.',
      assumes: 'That a ceasefire needs a political process behind it.',
    },
    'cohesion-multiplier': {
      means: 'A united mission gets more from every action.',
      moves:
        'Every favourable effect is scaled by 0.5 + cohesion / 100; the share it adds or takes is ledgered on its own.',
      assumes: 'That disunity wastes effort across all components.',
    },
    'plan-conflicts': {
      means: 'Chairs whose revealed plans work against each other.',
      moves:
        'Each conflict costs cohesion −{conflictCost}; talks with a party another chair attacks are halved. Conflicts: an offensive against a party in talks off the strategy’s track, or talks on and off the track at once.',
      assumes: 'That a common strategy turns the same pair of actions into leverage rather than conflict.',
    },
    'analysis-fog': {
      means: 'What a chair sees of estimated numbers is blurred by weak analysis.',
      moves:
        'Estimates are shown ± {fog} × (100 − analysis) / 100. Each estimated number is off by an error of its own game: it comes from a secret made when the game was created (128 random bits, through a keyed hash, SipHash-2-4), which no chair sees and which cannot be worked out from the estimates or from the seed. The error persists from month to month and drifts slowly, and the band follows analysis by at most a point a month, so the estimate of a number that has not changed moves by at most 2 points from one month to the next: a bigger move is a real change. Estimates are taken as each month opens; a change made by a decision within the month (an event’s option, a mandate review, the facilitator) reaches them the next month, and the ledger shows its direction at once. What a chair may plan is judged on the same estimates (a card whose condition the estimate meets may be played, and then has its effect on the true numbers). The scenario’s starting numbers for what is estimated are the mission’s first estimates, not the truth: each true starting value lies anywhere within the first month’s band around the published one, drawn from the game’s world key, so the first view shows exactly the published numbers and tells a chair nothing the scenario does not. The world’s chance (an event firing, an actor’s move, a spoiler attack) is drawn from the same key for each month and each thing drawn, never from a running sequence: two games with one key meet the same world whatever is decided, and the key cannot be worked out from what happens. A game of one’s own makes its key at random; a facilitated room keeps one key per seed on its server, so teams on the same seed meet the same world; studies and tests derive it from the seed. The truth is shown when the game is over.',
      assumes:
        'That leaders decide on imperfect information, better with better analysis; that a picture’s errors are lasting biases rather than fresh noise each month, and that it sharpens over months once analysis improves. Since an error lasts, comparing an estimate with a figure known for certain (a starting value in the briefing) says something about it, until it has wandered.',
    },
    'analysis-targeting': {
      means: 'Operations planned on a good picture hit what matters.',
      moves: 'Military, offensive, pressure, protection and police actions are scaled by 0.7 + 0.6 × analysis / 100.',
      assumes: 'That understanding micro-local dynamics makes operations effective.',
    },
    'deployment-lead-time': {
      means: 'Reinforcements take time to arrive.',
      moves:
        'A requested unit arrives after its lead time; each month past {deployGrace} months of waiting costs credibility −{deployCost}.',
      assumes: 'That missions are slow to reinforce and are judged by it.',
    },
    'emergency-support': {
      means: 'Emergency field support speeds deployments.',
      moves: 'The action halves the time remaining on every pending deployment (rounded up).',
      assumes: 'That the mission can be made more nimble when it asks for it.',
    },
    'police-presence': {
      means: 'Police in towns dampen unrest and see what is happening.',
      moves:
        'Each month, each police unit in an urban region: violence −{policeUnrest} there, analysis +{policeAnalysis}; the analysis only while the chair that commands the police takes coordination steps (not in a silo for {siloTurns} months).',
      assumes:
        'That police are the right tool in towns and a source of information whose work must be integrated with the rest of the mission (report ¶7, through the JMAC and JOC, ¶8).',
    },
    'envoy-coordination': {
      means: 'The SRSG and the Envoy both mediating without coordinating.',
      moves:
        'When both play talks and neither plays a coordination action: a conflict, cohesion −{conflictCost} (not in scenarios whose mediation seat is held by the SRSG).',
      assumes:
        'That two mediators must speak with one voice. Where the SRSG held the UN’s seat in the mediation (MINUSMA in Algiers), there is no split and no cost.',
    },
    'regional-exclusion': {
      means: 'Neighbours and regional organizations left out drift away.',
      moves:
        'Each such actor no chair has worked with by name for {exclusionTurns} months: stance −3, regional −1 a month; with regional below {regionalFloor}, implementation −3 a month. A briefing to the region at large raises alignment but brings no one in, and neither does the contact of a chair working in a silo.',
      assumes:
        'That the region can make or break an agreement, and that regional actors must be involved, not only informed (report ¶13); that a chair in a silo shares nothing of its contacts with the mission (¶9) is the game’s inference.',
    },
    'host-state-distance': {
      means: 'The mission’s distance from the host state.',
      moves:
        'Each month consent moves by (closeness − 50) / 15; if the host state is a party and closeness > 55, impartiality −(closeness − 50) / 12. Political actions are scaled by 1 − |closeness − 50| / 100.',
      assumes: 'That both embrace and estrangement cost the mission.',
    },
    'expectation-gap': {
      means: 'The gap between what people expect and the protection they get.',
      moves:
        'Each month trust moves by the gap (see Trust); political and talks actions are scaled by 0.85 + 0.3 × trust / 100.',
      assumes: 'That a trusted mission has more leverage over the parties.',
    },
    'spoiler-attacks': {
      means: 'Groups outside any process attack the mission.',
      moves:
        'For each non-negotiable armed actor and region of it where a mission unit stands, with chance strength / 300 × (1.3 − 0.6 × analysis / 100): casualties +3, credibility −1.',
      assumes: 'That exposure and poor warning invite attacks.',
    },
    'contributor-consultation': {
      means: 'Troop and police contributors perform better when consulted.',
      moves:
        'Actions that need a unit are scaled by the best eligible unit’s performance, +0.25 for {consultTurns} months after contributors are consulted.',
      assumes:
        'That contingents differ and that consultation improves them. The report only says contributors feel they are not consulted enough (paragraph 12); the improvement is the game’s assumption.',
    },
    'armed-violence': {
      means: 'Hostile armed actors make violence where they operate.',
      moves:
        'Each month each hostile actor adds aggression × strength / 100 to each of its regions; violence everywhere decays by {decay}% a month.',
      assumes: 'That violence follows armed strength and hostility, and subsides slowly on its own.',
    },
    'strategy-track': {
      means: 'Talks count for what the political strategy makes of them.',
      moves:
        'Talks with an actor the turn’s strategy does not name, or under a strategy with no track, keep half their effect; without a named track political work does not stop the process drifting.',
      assumes: 'That a political strategy shared by the whole mission gives talks their weight (report ¶3).',
    },
    'capability-gap': {
      means: 'The mission is judged on the means it has, not the ones it asked for.',
      moves:
        'Each turn, a mandated task needing a capability no unit in theatre has, and two or more violent regions with no mission unit, cost credibility (and trust when three or more are bare); so does a capability some action needs and reinforcements could bring, while nobody has asked for it (a request under way pays its lead time instead).',
      assumes: 'That a mandate must be matched to the means actually available (report ¶2, ¶11).',
    },
    repetition: {
      means: 'Doing the same thing again achieves less.',
      moves:
        'An action played last turn keeps half of its favourable effect, two turns ago three quarters (rounded toward nothing); talks and implementation are exempt. The same holds for a scored indicator the chair raised with another card in those months (wear: rotating gestures does not dodge it); coordination, analysis, outreach and regional steps are not worn.',
      assumes: 'That a repeated gesture wears thin; beyond the report.',
    },
    'regional-alignment': {
      means: 'Talks hold as far as the region backs them.',
      moves: 'Talks are scaled by 0.6 + 0.8 × regional / 100; below the regional floor the process loses 1 each turn.',
      assumes: 'That neighbours and regional organizations can make or break a process (report ¶4, ¶13).',
    },
    'analysis-decay': {
      means: 'The picture of the conflict goes stale.',
      moves: 'Analysis falls each turn by the scenario’s decay.',
      assumes: 'That analysis must be sustained to be of use (report ¶10).',
    },
    'monthly-assessment': {
      means: 'The mission is judged over its whole tenure.',
      moves: 'The final score blends the mean of the monthly scores with the score at the end.',
      assumes: 'That the Council reviews a mission regularly, not once (report ¶2).',
    },
    'silo-working': {
      means: 'A chair that never coordinates works in a silo.',
      moves:
        'Each turn, every chair that has taken no coordination step for {siloTurns} turns costs cohesion {siloCost}, and its actions achieve ×0.7.',
      assumes: 'That integrated planning across components needs regular joint steps (report ¶6, ¶8).',
    },
    'council-renewal': {
      means: 'The Security Council renews the mandate on its own timetable, and its unity is the mission’s authority.',
      moves:
        'At each review month the Council’s backing (its stance) moves credibility by stance / 20, at most 3 either way; a divided Council also costs consent 2 and grants no new task (asking costs credibility 1).',
      assumes:
        'That divisions among Council members jeopardize its mandating authority and the host country’s support (report ¶15, ¶2).',
    },
    penholder: {
      means: 'The member that drafts the resolutions holds to its own priorities.',
      moves:
        'Each task the penholder backs that the mission leaves out of its mandate, or drops at a review, costs the Council’s backing.',
      assumes:
        'That Council members bring their own interests to a mandate (beyond the report, which names no penholder; ¶15).',
    },
    'policy-committee': {
      means: 'Headquarters agrees on the lowest common denominator; the SRSG is one voice out of two dozen.',
      moves:
        'Each draft task the SRSG leaves out beyond what headquarters tolerates, and each task dropped at a review, costs cohesion 1.',
      assumes: 'That a committee seeking consensus among all departments cannot set priorities (report ¶5, ¶8).',
    },
    'force-supply': {
      means: 'What arrives is what contributors offer, not what the mission asked for.',
      moves:
        'A reinforcement with an offered unit brings that unit instead, at a cost of credibility 1, unless contributors were consulted at the request or after it.',
      assumes:
        'That missions are designed on supply rather than demand (report ¶8, ¶16); that consultation narrows the gap goes beyond the report (¶12).',
    },
    'civil-society': {
      means: 'Talks need the people they are for.',
      moves:
        'A chair that talks with the parties but has taken none of its outreach steps for {practiceTurns} turns gets ×{practiceFactor} from its talks. Until the agreement is implemented, a civil society that some action can consult by name but that no chair has engaged for {exclusionTurns} months costs each month its stance −3, process −1 and trust −1; informing the public at large does not consult it.',
      assumes:
        'That civil society is consulted before and while solutions are designed (report ¶15); holding each chair to it, and the size of the cost, go beyond the report.',
    },
    'regional-practice': {
      means: 'Mediation needs the region.',
      moves:
        'A chair that talks but has taken none of its regional steps for {practiceTurns} turns gets ×{practiceFactor} from its talks.',
      assumes:
        'That processes hang on the neighbours and regional organisations (report ¶4, ¶13); holding each chair to it goes beyond the report.',
    },
    'analysis-practice': {
      means: 'Each chair must refresh its picture.',
      moves:
        'A chair that has taken none of its analysis steps for {practiceTurns} turns gets ×{practiceFactor} from its operations and talks.',
      assumes:
        'That decisions rest on sound analysis of local dynamics (report ¶10); holding each chair to it goes beyond the report.',
    },
    'mission-presence': {
      means: 'Mission units dampen violence where they stand.',
      moves:
        'Each month a region’s violence falls by {presence} × (sum of strength × performance of the units there) / 4.',
      assumes: 'That presence protects, in proportion to what is deployed.',
    },
  },
  beyond: 'Beyond the report:',
  scoring: {
    means:
      'The outcome: a weighted mean of the dimensions — process, protection (100 − violence weighted by population and by where the mandate applies), credibility, consent and impartiality (their mean), trust, cohesion and casualties (100 − casualties).',
    moves:
      'Computed at the end of each month; the game ends at the last month or when an end condition holds. Success when the score reaches the threshold, unless an end condition decides otherwise.',
    assumes: 'That a mission is judged on all of these at once, with the scenario’s weights.',
  },
};
