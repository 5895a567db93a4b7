// The game's own icons (assets/icons/, SVG): hashed files loaded by the map scene as textures.
import air from '../../../assets/icons/air.svg?no-inline';
import armed from '../../../assets/icons/armed-group.svg?no-inline';
import combat from '../../../assets/icons/combat.svg?no-inline';
import engineers from '../../../assets/icons/engineers.svg?no-inline';
import infantry from '../../../assets/icons/infantry.svg?no-inline';
import isr from '../../../assets/icons/isr.svg?no-inline';
import police from '../../../assets/icons/police.svg?no-inline';
import type { CAPABILITIES } from '../../scenario/constants.js';

type Capability = (typeof CAPABILITIES)[number];

export const UNIT_ICONS: Readonly<Record<Capability, string>> = { infantry, combat, police, air, isr, engineers };
export const ARMED_ICON = armed;
export const CAPABILITY_ORDER: readonly Capability[] = ['infantry', 'combat', 'police', 'air', 'isr', 'engineers'];
