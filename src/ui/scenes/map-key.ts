// What the map's key lists: an icon per kind of mission unit the scenario has, and each armed group with its strength as
// the viewer sees it (the overlay draws it, map-overlay.ts).
import type { Scenario } from '../../scenario/schema.js';
import { seenText } from '../describe.js';
import { loc, t } from '../i18n/index.js';
import { ARMED_ICON, CAPABILITY_ORDER, UNIT_ICONS } from './icons.js';
import type { KeyContent } from './map-overlay.js';
import { abbreviation } from './region-labels.js';
import type { MapView } from './source.js';

export function keyContent(scn: Scenario, view: MapView, armed: Scenario['actors']): KeyContent {
  const caps = new Set(
    [...scn.units, ...Object.values(scn.reinforcements).map((r) => r.unit)].map((d) => d.capability),
  );
  return {
    units: CAPABILITY_ORDER.filter((c) => caps.has(c)).map((c) => ({
      icon: UNIT_ICONS[c],
      label: t(`mapkey.${c}`),
    })),
    groups: [
      ...(armed.length ? [{ icon: ARMED_ICON, label: t('mapkey.armed') }] : []),
      ...armed.map((a) => {
        const st = view.actors?.[a.id]?.strength;
        const short = a.short ? loc(a.short) : abbreviation(loc(a.name));
        return { icon: ARMED_ICON, label: `${short}: ${st ? seenText(st) : t('mapkey.unseen')}` };
      }),
    ],
  };
}
