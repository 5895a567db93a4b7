// The table's panels are descriptions (preact vnodes) that one render patches into the page: nodes are kept, not rebuilt.
// Same shape as dom.ts's `h`; text always goes in as text nodes, never as HTML.
import { h, render, type ComponentChild, type VNode } from 'preact';

export type VChild = ComponentChild;
type Handler = (e: Event) => void;
export type VAttrs = Record<string, string | number | boolean | undefined | null | Handler>;

/** A described element: `v('p', { class: 'x' }, 'text')`. A `key` attribute keeps an element's identity among siblings. */
export function v(tag: string, attrs: VAttrs = {}, ...children: (VChild | VChild[])[]): VNode {
  return h(tag, attrs as Record<string, unknown>, ...(children as ComponentChild[])) as unknown as VNode;
}

/** Patches `box` to show `node`, reusing the nodes already there. */
export function patch(box: HTMLElement, node: VChild): void {
  render(node, box);
}

export type { VNode };
