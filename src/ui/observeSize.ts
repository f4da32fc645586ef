/**
 * A Svelte action that reports an element's content-box size (CSS px) now and whenever it
 * changes. Where ResizeObserver is missing (jsdom, very old browsers) it reports the size once.
 */
export function observeSize(node: HTMLElement, onSize: (size: { width: number; height: number }) => void) {
  let report = onSize;
  const measure = () => report({ width: node.clientWidth, height: node.clientHeight });
  measure();
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
  observer?.observe(node);
  return {
    update(next: typeof onSize) {
      report = next;
    },
    destroy() {
      observer?.disconnect();
    },
  };
}
