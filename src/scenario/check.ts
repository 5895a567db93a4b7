// Cross-reference checks on a scenario that passed the schema: every id it names must exist.
import type { z } from 'zod';
import type { Condition, Effect, Scenario as ScenarioSchema } from './schema.js';

type Raw = z.output<typeof ScenarioSchema>;
type Path = (string | number)[];
export interface RefProblem {
  path: Path;
  message: string;
}

export function checkScenario(s: Raw, lessonIds: ReadonlySet<string> | null): RefProblem[] {
  const out: RefProblem[] = [];
  const bad = (path: Path, message: string) => out.push({ path, message });

  const regions = uniqueIds(s.regions, ['regions'], 'region', bad);
  const actors = uniqueIds(s.actors, ['actors'], 'actor', bad);
  const units = uniqueIds(s.units, ['units'], 'unit', bad);
  const tasks = uniqueIds(s.mandate.tasks, ['mandate', 'tasks'], 'task', bad);
  const strategies = uniqueIds(s.strategies, ['strategies'], 'strategy', bad);
  uniqueIds(s.actions, ['actions'], 'action', bad);
  const events = uniqueIds(s.events, ['events'], 'event', bad);
  uniqueIds(s.end, ['end'], 'end condition', bad);
  uniqueIds(s.epilogues, ['epilogues'], 'epilogue', bad);
  const reinforcements = new Set(Object.keys(s.reinforcements));
  const allUnits = new Set([
    ...s.units.map((u) => u.id),
    ...Object.values(s.reinforcements).flatMap((r) => [r.unit.id, ...(r.offered ? [r.offered.id] : [])]),
  ]);
  const chairs = new Set(Object.keys(s.chairs));

  const need = (set: ReadonlySet<string>, what: string, v: string, path: Path) => {
    if (!set.has(v)) bad(path, `no ${what} with id '${v}'`);
  };
  const lesson = (ids: readonly string[], path: Path) => {
    if (!lessonIds) return;
    ids.forEach((l, i) => {
      if (!lessonIds.has(l)) bad([...path, i], `no lesson '${l}' in the lessons catalogue`);
    });
  };

  for (const [k, ind] of Object.entries(s.indicators)) {
    if (!(ind.min <= ind.initial && ind.initial <= ind.max)) {
      bad(['indicators', k, 'initial'], `must lie between min ${ind.min} and max ${ind.max}, got ${ind.initial}`);
    }
  }
  s.regions.forEach((r, i) => r.links.forEach((l, j) => need(regions, 'region', l, ['regions', i, 'links', j])));
  s.actors.forEach((a, i) => {
    a.regions.forEach((r, j) => need(regions, 'region', r, ['actors', i, 'regions', j]));
    if (a.kind === 'spoiler' && a.negotiable) bad(['actors', i, 'negotiable'], 'a spoiler cannot be negotiable');
    const ruleIds = new Set<string>();
    a.rules.forEach((rule, j) => {
      const p: Path = ['actors', i, 'rules', j];
      if (ruleIds.has(rule.id)) bad([...p, 'id'], `duplicate rule id '${rule.id}'`);
      ruleIds.add(rule.id);
      if (rule.when) cond(rule.when, [...p, 'when']);
      effects(rule.effects, [...p, 'effects'], 'none');
      lesson(rule.lessons, [...p, 'lessons']);
    });
  });
  s.units.forEach((u, i) => need(regions, 'region', u.region, ['units', i, 'region']));
  const unitIds = new Set(units);
  for (const [k, r] of Object.entries(s.reinforcements)) {
    need(regions, 'region', r.unit.region, ['reinforcements', k, 'unit', 'region']);
    if (unitIds.has(r.unit.id))
      bad(['reinforcements', k, 'unit', 'id'], `unit id '${r.unit.id}' is already used by another unit`);
    unitIds.add(r.unit.id);
    if (r.underway !== undefined && r.underway > s.turns)
      bad(['reinforcements', k, 'underway'], `turn ${r.underway} is after the last turn ${s.turns}`);
    if (!r.offered) continue;
    need(regions, 'region', r.offered.region, ['reinforcements', k, 'offered', 'region']);
    if (unitIds.has(r.offered.id))
      bad(['reinforcements', k, 'offered', 'id'], `unit id '${r.offered.id}' is already used by another unit`);
    unitIds.add(r.offered.id);
  }
  s.mandate.areas.forEach((r, i) => need(regions, 'region', r, ['mandate', 'areas', i]));
  const councils = s.actors.filter((a) => a.kind === 'council').length;
  if (councils > 1) bad(['actors'], `at most one actor of kind 'council', found ${councils}`);
  if (s.council) {
    if (councils === 0) bad(['council'], "a council block needs an actor of kind 'council' (the Security Council)");
    s.council.backs.forEach((t, i) => need(tasks, 'task', t, ['council', 'backs', i]));
  }
  s.mandate.draft.forEach((t, i) => need(tasks, 'task', t, ['mandate', 'draft', i]));
  s.mandate.reviewTurns.forEach((t, i) => {
    if (t > s.turns) bad(['mandate', 'reviewTurns', i], `turn ${t} is after the last turn ${s.turns}`);
  });
  const lengths = new Set<number>();
  (s.scoring.lengths ?? []).forEach((l, i) => {
    if (l.months >= s.turns)
      bad(['scoring', 'lengths', i, 'months'], `a shorter game must last fewer than the scenario's ${s.turns} months`);
    if (lengths.has(l.months)) bad(['scoring', 'lengths', i, 'months'], `${l.months} months is given twice`);
    lengths.add(l.months);
  });
  s.strategies.forEach((st, i) => {
    st.track.forEach((a, j) => need(actors, 'actor', a, ['strategies', i, 'track', j]));
    lesson(st.lessons, ['strategies', i, 'lessons']);
  });

  s.actions.forEach((c, i) => {
    const p: Path = ['actions', i];
    if (!chairs.has(c.chair)) bad([...p, 'chair'], `chair '${c.chair}' has no seat in this scenario (see chairs)`);
    if (c.task) need(tasks, 'task', c.task, [...p, 'task']);
    if (c.target === 'none' && c.targets) bad([...p, 'targets'], "targets given but target is 'none'");
    if (c.target === 'none' && c.needsUnit) bad([...p, 'needsUnit'], 'needsUnit needs a region or actor target');
    c.targets?.forEach((t, j) => need(c.target === 'region' ? regions : actors, c.target, t, [...p, 'targets', j]));
    if (c.tags.includes('talks') && c.target !== 'actor') bad([...p, 'tags'], "a 'talks' action must target an actor");
    if (c.requires) cond(c.requires, [...p, 'requires']);
    effects(c.effects, [...p, 'effects'], c.target);
    lesson(c.lessons, [...p, 'lessons']);
  });
  for (const chair of chairs) {
    if (!s.actions.some((c) => c.chair === chair)) bad(['chairs', chair], `chair '${chair}' has no actions`);
  }

  const sources = uniqueIds(s.sources, ['sources'], 'source', bad);
  s.events.forEach((e, i) => {
    const p: Path = ['events', i];
    if (e.source !== undefined) need(sources, 'source', e.source, [...p, 'source']);
    if (e.window && e.window.from > e.window.to)
      bad([...p, 'window'], `from ${e.window.from} is after to ${e.window.to}`);
    if (e.window && e.window.from > s.turns)
      bad([...p, 'window', 'from'], `turn ${e.window.from} is after the last turn ${s.turns}`);
    if (!chairs.has(e.decider)) bad([...p, 'decider'], `chair '${e.decider}' has no seat in this scenario`);
    if (e.when) cond(e.when, [...p, 'when']);
    effects(e.effects, [...p, 'effects'], 'none');
    const choiceIds = new Set<string>();
    e.choices.forEach((c, j) => {
      if (choiceIds.has(c.id)) bad([...p, 'choices', j, 'id'], `duplicate choice id '${c.id}'`);
      choiceIds.add(c.id);
      effects(c.effects, [...p, 'choices', j, 'effects'], 'none');
      lesson(c.lessons, [...p, 'choices', j, 'lessons']);
    });
    lesson(e.lessons, [...p, 'lessons']);
  });
  s.end.forEach((e, i) => cond(e.when, ['end', i, 'when']));
  s.epilogues.forEach((e, i) => {
    if (e.minScore > e.maxScore)
      bad(['epilogues', i, 'minScore'], `minScore ${e.minScore} is above maxScore ${e.maxScore}`);
    if (e.when) cond(e.when, ['epilogues', i, 'when']);
  });
  s.guide.forEach((g, i) => {
    if (g.turn !== undefined && g.turn > s.turns)
      bad(['guide', i, 'turn'], `turn ${g.turn} is after the last turn ${s.turns}`);
  });
  if (!s.epilogues.some((e) => !e.when && e.minScore === 0 && e.maxScore === 100)) {
    bad(['epilogues'], 'needs one epilogue without `when` that covers scores 0 to 100, as the fallback');
  }
  return out;

  function cond(c: Condition, path: Path): void {
    switch (c.test) {
      case 'indicator':
      case 'turn':
      case 'stance':
      case 'strength':
      case 'violence':
        if (c.gte === undefined && c.lte === undefined) bad(path, 'needs gte or lte');
        if (c.gte !== undefined && c.lte !== undefined && c.gte > c.lte)
          bad(path, `gte ${c.gte} is above lte ${c.lte}`);
        if (c.test === 'violence') need(regions, 'region', c.region, [...path, 'region']);
        if (c.test === 'stance' || c.test === 'strength') need(actors, 'actor', c.actor, [...path, 'actor']);
        return;
      case 'flag':
      case 'mechanic':
      case 'agreement':
        return;
      case 'event':
        return need(events, 'event', c.event, [...path, 'event']);
      case 'strategy':
        return need(strategies, 'strategy', c.strategy, [...path, 'strategy']);
      case 'mandated':
        return need(tasks, 'task', c.task, [...path, 'task']);
      case 'presence':
        return need(regions, 'region', c.region, [...path, 'region']);
      case 'unit':
        return need(allUnits, 'unit', c.unit, [...path, 'unit']);
      case 'all':
      case 'any':
        return c.of.forEach((x, i) => cond(x, [...path, 'of', i]));
      case 'not':
        return cond(c.cond, [...path, 'cond']);
    }
  }

  function effects(list: readonly Effect[], path: Path, target: 'none' | 'region' | 'actor'): void {
    list.forEach((e, i) => {
      const p = [...path, i];
      switch (e.do) {
        case 'violence':
          if (e.region === '$target') {
            if (target !== 'region') bad([...p, 'region'], "$target here needs an action whose target is 'region'");
          } else need(regions, 'region', e.region, [...p, 'region']);
          return;
        case 'stance':
        case 'strength':
          if (e.actor === '$target') {
            if (target !== 'actor') bad([...p, 'actor'], "$target here needs an action whose target is 'actor'");
          } else need(actors, 'actor', e.actor, [...p, 'actor']);
          return;
        case 'request-unit':
          return need(reinforcements, 'reinforcement', e.unit, [...p, 'unit']);
        default:
          return;
      }
    });
  }
}

function uniqueIds(
  items: readonly { id: string }[],
  path: Path,
  what: string,
  bad: (p: Path, m: string) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) bad([...path, i, 'id'], `duplicate ${what} id '${it.id}'`);
    seen.add(it.id);
  });
  return seen;
}
