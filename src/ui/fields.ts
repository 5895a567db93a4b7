// What the person has typed, ticked or chosen on the table and not yet sent: held by the table, not by the DOM,
// so a redraw (a new view, an Add, a bot's move) shows it again exactly. Cleared when a new phase brings new forms.
import type { PanelContext } from './context.js';

export class Fields {
  private readonly kept = new Map<string, string | boolean>();

  /** `changed`: something derived from a field (a count, the map's rings) may need a redraw. */
  constructor(private readonly changed: () => void) {}

  text(key: string, fallback: string): string {
    const v = this.kept.get(key);
    return typeof v === 'string' ? v : fallback;
  }

  flag(key: string, fallback: boolean): boolean {
    const v = this.kept.get(key);
    return typeof v === 'boolean' ? v : fallback;
  }

  set(key: string, v: string | boolean): void {
    if (this.kept.get(key) === v) return;
    this.kept.set(key, v);
    this.changed();
  }

  forget(key: string): void {
    this.kept.delete(key);
  }

  clear(): void {
    this.kept.clear();
  }
}

/** What a panel of the table is given: the chair's context and the table's memory of its fields. */
export interface BoardContext extends PanelContext {
  readonly fields: Fields;
  /** Asks the table to draw again (after a change only the page knows, such as hiding the guide). */
  readonly redraw: () => void;
}

/** The value of the field an event came from. */
export function valueOf(e: Event): string {
  return (e.target as HTMLInputElement | HTMLSelectElement).value;
}

export function checkedOf(e: Event): boolean {
  return (e.target as HTMLInputElement).checked;
}
