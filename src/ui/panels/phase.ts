// The phase indicator and the "what to do now" prompt for the chair on screen.
import { PHASES } from '../../engine/index.js';
import { indexOf } from '../../engine/scenario-index.js';
import type { PanelContext } from '../context.js';
import { chairName, rejectionText } from '../describe.js';
import { v, type VNode } from '../vdom.js';
import { t } from '../i18n/index.js';

function promptFor(ctx: PanelContext): string {
  const { view: s, viewer, scn } = ctx;
  const plan = s.plans[viewer];
  switch (s.phase) {
    case 'over':
      return t('prompt.over');
    case 'setup':
      return viewer === 'srsg' ? t('prompt.setup') : t('prompt.waitFor', { chair: chairName('srsg') });
    case 'sitrep': {
      const mine = s.pendingChoices.some((e) => indexOf(scn).events.get(e)?.decider === viewer);
      if (mine) return t('prompt.sitrepChoice');
      return viewer === 'srsg' ? t('prompt.sitrep') : t('prompt.waitFor', { chair: chairName('srsg') });
    }
    case 'strategy':
      return viewer === 'srsg' ? t('prompt.strategy') : t('prompt.waitFor', { chair: chairName('srsg') });
    case 'planning':
      return plan?.committed ? t('prompt.committed') : t('prompt.planning');
    case 'coordination':
      if (plan?.confirmed) return t('prompt.confirmed');
      return plan && !plan.committed ? t('prompt.planning') : t('prompt.coordination');
  }
}

export function phasePanel(ctx: PanelContext): VNode {
  const phases = PHASES.filter((p) => p !== 'setup' && p !== 'over');
  const current = ctx.view.phase;
  const rejection = ctx.rejection;
  return v(
    'section',
    { class: 'panel phase-panel', 'aria-labelledby': 'phase-heading' },
    v('h2', { id: 'phase-heading', tabindex: -1, 'data-key': 'phase-heading' }, t(`phase.${current}`)),
    current === 'setup' || current === 'over'
      ? null
      : v(
          'ol',
          { class: 'phase-steps', 'aria-label': t('phase.steps') },
          phases.map((p) =>
            v(
              'li',
              { class: p === current ? 'current' : '', 'aria-current': p === current ? 'step' : undefined },
              t(`phase.${p}`),
            ),
          ),
        ),
    v('p', { class: 'prompt', 'data-testid': 'prompt' }, promptFor(ctx)),
    v(
      'div',
      { role: 'alert', class: 'rejection-box' },
      rejection ? v('p', { class: 'rejection' }, rejectionText(rejection.code)) : null,
    ),
  );
}
