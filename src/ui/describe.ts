// Words for the engine's data: tracks, causes, effects, numbers as a chair sees them. All through i18n.
import type { Cause, Chair, Effect, PlanItem, Scenario, Seen, Track } from './types.js';
import { indexOf } from '../engine/scenario-index.js';
import { hasKey, lang, loc, signed, t } from './i18n/index.js';

export function chairName(c: Chair): string {
  return t(`chair.${c}`);
}

export function doctrineName(name: string): string {
  const key = `doctrine.${name}`;
  return hasKey(key) ? t(key) : name;
}

export function regionName(scn: Scenario, id: string): string {
  const r = indexOf(scn).regions.get(id);
  return r ? loc(r.name) : id;
}

export function actorName(scn: Scenario, id: string): string {
  const a = indexOf(scn).actors.get(id);
  return a ? loc(a.name) : id;
}

export function unitName(scn: Scenario, id: string): string {
  const u =
    indexOf(scn).units.get(id) ??
    scn.reinforcements[id]?.unit ??
    Object.values(scn.reinforcements).find((r) => r.unit.id === id)?.unit;
  return u ? loc(u.name) : id;
}

export function cardName(scn: Scenario, id: string): string {
  const c = indexOf(scn).cards.get(id);
  return c ? loc(c.name) : id;
}

export function taskName(scn: Scenario, id: string): string {
  const x = indexOf(scn).tasks.get(id);
  return x ? loc(x.name) : id;
}

export function strategyName(scn: Scenario, id: string): string {
  const x = indexOf(scn).strategies.get(id);
  return x ? loc(x.name) : id;
}

/** An event's title; a hypothetical one says so wherever its title appears (report, debrief, projector, reasons). */
export function eventTitle(scn: Scenario, id: string): string {
  const e = indexOf(scn).events.get(id);
  if (!e) return id;
  return e.hypothetical ? t('event.hypotheticalTitle', { title: loc(e.title) }) : loc(e.title);
}

/** A target id, which is a region or an actor. */
export function targetName(scn: Scenario, id: string): string {
  return indexOf(scn).regions.has(id) ? regionName(scn, id) : actorName(scn, id);
}

export function trackName(scn: Scenario, tr: Track): string {
  switch (tr.kind) {
    case 'indicator':
      return loc(scn.indicators[tr.id].name);
    case 'violence':
      return t('track.violence', { name: regionName(scn, tr.id) });
    case 'stance':
      return t('track.stance', { name: actorName(scn, tr.id) });
    case 'strength':
      return t('track.strength', { name: actorName(scn, tr.id) });
    case 'implementation':
      return t('track.implementation');
  }
}

export function causeText(scn: Scenario, c: Cause): string {
  const idx = indexOf(scn);
  switch (c.kind) {
    case 'action':
      return c.target !== undefined
        ? t('cause.actionTarget', {
            chair: chairName(c.chair),
            card: cardName(scn, c.card),
            target: targetName(scn, c.target),
          })
        : t('cause.action', { chair: chairName(c.chair), card: cardName(scn, c.card) });
    case 'event': {
      const ev = idx.events.get(c.event);
      const choice = c.choice !== undefined ? ev?.choices.find((x) => x.id === c.choice) : undefined;
      return choice
        ? t('cause.eventChoice', { event: eventTitle(scn, c.event), choice: loc(choice.label) })
        : t('cause.event', { event: eventTitle(scn, c.event) });
    }
    case 'rule': {
      const rule = idx.actors.get(c.actor)?.rules.find((r) => r.id === c.rule);
      return t('cause.rule', { actor: actorName(scn, c.actor), rule: rule ? loc(rule.text) : c.rule });
    }
    case 'mechanic': {
      // the engine books violence's fading in a region under armed violence: named for what it is
      if (c.mechanic === 'armed-violence' && c.subject !== undefined && idx.regions.has(c.subject))
        return t('cause.mechanicSubject', { mechanic: t('mech.armed-decay'), subject: regionName(scn, c.subject) });
      const key = `mech.${c.mechanic}`;
      const mechanic = hasKey(key) ? t(key) : c.mechanic;
      if (c.subject === undefined) return t('cause.mechanic', { mechanic });
      const s = c.subject;
      // a subject is a task, a unit, an action, a region or an actor: each by its name
      const subject = idx.tasks.has(s)
        ? taskName(scn, s)
        : unitName(scn, s) !== s
          ? unitName(scn, s)
          : idx.cards.has(s)
            ? cardName(scn, s)
            : targetName(scn, s);
      return t('cause.mechanicSubject', { mechanic, subject });
    }
    case 'facilitator':
      return t('cause.facilitator', { reason: c.reason });
  }
}

/**
 * The effects a player is shown: all but setting or ending a scenario's situation markers (flags), which are the
 * author's bookkeeping with ids for names ("req-fib-tz"); what they lead to shows where it happens, in the events and
 * conditions that read them.
 */
export function shownEffects(effects: readonly Effect[]): Effect[] {
  return effects.filter((e) => e.do !== 'flag' && e.do !== 'unflag');
}

/**
 * Whether a change is good or bad for the mission, for colour only (the arrow and the words carry it too). Most tracks
 * are better higher; peacekeeper casualties, violence and an armed actor's strength are worse higher; expectations are
 * worse higher because the engine measures their gap to the protection delivered (L-population); closeness is best at
 * a balanced 50, so a change alone says nothing.
 */
export type Tone = 'good' | 'bad' | 'neutral';
export function changeTone(scn: Scenario, track: Track, direction: 'up' | 'down'): Tone {
  const higherIs = (): 'better' | 'worse' | 'neither' => {
    switch (track.kind) {
      case 'indicator':
        return track.id === 'closeness'
          ? 'neither'
          : track.id === 'casualties' || track.id === 'expectations'
            ? 'worse'
            : 'better';
      case 'violence':
        return 'worse';
      case 'strength': {
        const actor = indexOf(scn).actors.get(track.id);
        return actor && actor.aggression > 0 ? 'worse' : 'neither';
      }
      case 'stance':
      case 'implementation':
        return 'better';
    }
  };
  const h = higherIs();
  if (h === 'neither') return 'neutral';
  return (direction === 'up') === (h === 'better') ? 'good' : 'bad';
}

/** A change as this chair may see it: the amount, or only its direction where the number is estimated. */
export function deltaText(delta: number | null, direction: 'up' | 'down'): string {
  return delta === null ? t(direction === 'up' ? 'delta.hidden.up' : 'delta.hidden.down') : signed(delta);
}

export function seenText(v: Seen): string {
  return v.spread === 0
    ? t('seen.exact', { value: v.value })
    : t('seen.estimate', { value: v.value, spread: v.spread });
}

export type ViolenceLevel = 'low' | 'moderate' | 'high' | 'severe';
export function violenceLevel(v: number): ViolenceLevel {
  return v >= 75 ? 'severe' : v >= 50 ? 'high' : v >= 25 ? 'moderate' : 'low';
}

export function violenceText(v: Seen): string {
  return t('violence.value', { value: seenText(v), level: t(`violence.${violenceLevel(v.value)}`) });
}

function targetOf(scn: Scenario, ref: string, target: string | undefined): string {
  if (ref === '$target') return target !== undefined ? targetName(scn, target) : t('effect.target');
  return targetName(scn, ref);
}

/** What an effect of a card or a choice will do, in words. */
export function effectText(scn: Scenario, e: Effect, target?: string): string {
  switch (e.do) {
    case 'indicator':
      return t('effect.indicator', { name: loc(scn.indicators[e.id].name), by: signed(e.by) });
    case 'violence':
      return t('effect.violence', { region: targetOf(scn, e.region, target), by: signed(e.by) });
    case 'stance':
      return t('effect.stance', { actor: targetOf(scn, e.actor, target), by: signed(e.by) });
    case 'strength':
      return t('effect.strength', { actor: targetOf(scn, e.actor, target), by: signed(e.by) });
    case 'flag':
      return t('effect.flag', { flag: e.set });
    case 'unflag':
      return t('effect.unflag', { flag: e.flag });
    case 'implement':
      return t('effect.implement', { by: signed(e.by) });
    case 'request-unit':
      return t('effect.request-unit', { unit: unitName(scn, scn.reinforcements[e.unit]?.unit.id ?? e.unit) });
    case 'sign-agreement':
    case 'expedite':
    case 'consult-contributors':
      return t(`effect.${e.do}`);
  }
}

export function planItemText(scn: Scenario, item: PlanItem): string {
  if (item.kind === 'move')
    return t('plan.moveItem', { unit: unitName(scn, item.unit), region: regionName(scn, item.to) });
  return item.target !== undefined
    ? t('plan.item', { card: cardName(scn, item.card), target: targetName(scn, item.target) })
    : cardName(scn, item.card);
}

export function rejectionText(code: string): string {
  const key = `rej.${code}`;
  return hasKey(key) ? t(key) : t('rej.generic');
}

/** "2030-03" for a turn, from the scenario's start month. */
/** One date format per language: building one (toLocaleDateString does, each call) costs more than a table's redraw. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();

export function monthOf(scn: Scenario, turn: number): string {
  const [y, m] = scn.start.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + Math.max(0, turn - 1);
  // in UTC: a month's first day is the same month wherever the player is, and no time zone is looked up
  const date = new Date(Date.UTC(Math.floor(total / 12), total % 12, 1));
  const locale = lang() === 'fr' ? 'fr-FR' : 'en-GB';
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    monthFormats.set(locale, f);
  }
  return f.format(date);
}
