// Re-rendering a player's table when a view arrives while the person is typing or ticking: what they changed, and the focus, stay.
// Panels make fresh ids on every render, so fields are found again by their data-key.

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Kept = { readonly value: string } | { readonly checked: boolean };

function isField(el: EventTarget | null): el is Field {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/** What the person changed in a box's fields, by data-key, until `clear()` (a new phase brings new forms). */
export class FieldMemory {
  private readonly kept = new Map<string, Kept>();
  private restoring = false;

  constructor(box: HTMLElement) {
    const note = (e: Event) => {
      const el = e.target;
      if (this.restoring || !isField(el) || !el.dataset['key']) return;
      const key = el.dataset['key'];
      const tick = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      // the latest change goes last, so of a radio group the one picked last wins on restore
      this.kept.delete(key);
      this.kept.set(key, tick ? { checked: (el as HTMLInputElement).checked } : { value: el.value });
    };
    box.addEventListener('input', note);
    box.addEventListener('change', note);
  }

  clear(): void {
    this.kept.clear();
  }

  /** Puts the changes back into the freshly painted fields that still exist. */
  restore(box: HTMLElement): void {
    this.restoring = true;
    try {
      for (const [key, v] of this.kept) put(box, key, v);
    } finally {
      this.restoring = false;
    }
  }
}

function put(box: HTMLElement, key: string, v: Kept): void {
  const el = box.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (!isField(el) || el.disabled) return;
  if ('checked' in v) {
    // a radio is only ever noted when picked; a checkbox both ways
    if (el instanceof HTMLInputElement && (v.checked || el.type === 'checkbox')) el.checked = v.checked;
  } else if (!(el instanceof HTMLSelectElement) || [...el.options].some((o) => o.value === v.value)) {
    el.value = v.value;
  }
  // a form that derives text from its fields (the mandate's count of tasks) hears of the change
  el.dispatchEvent(new Event('change'));
}

/**
 * Paints `box` again, keeping the focus on the control with the same data-key (and the caret in a text field).
 * When that control is gone or disabled, the focus goes to the phase heading, as on the solo table.
 */
export function keepFocus(box: HTMLElement, paint: () => void): void {
  const active = document.activeElement instanceof HTMLElement && box.contains(document.activeElement) ? document.activeElement : null;
  const key = active?.dataset['key'];
  const caret = active instanceof HTMLInputElement && active.type === 'text' ? { from: active.selectionStart, to: active.selectionEnd } : null;
  paint();
  if (!active) return;
  const again = key ? box.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
  if (again && !(again as HTMLButtonElement).disabled) {
    again.focus({ preventScroll: true });
    if (caret?.from != null && caret.to != null && again instanceof HTMLInputElement) again.setSelectionRange(caret.from, caret.to);
  } else box.querySelector<HTMLElement>('#phase-heading, #over-heading, main')?.focus();
}
