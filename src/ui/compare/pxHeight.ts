/**
 * A Svelte action that sets an element's height in px through the CSSOM: the page's
 * Content-Security-Policy allows no inline style attributes, but scripts may set styles.
 */
export function pxHeight(node: HTMLElement, px: number) {
  node.style.height = `${px}px`;
  return {
    update(next: number) {
      node.style.height = `${next}px`;
    },
  };
}
