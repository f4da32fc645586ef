// The results view's entry: `<ResultsView report={...} changes={...} />`.
export { default as ResultsView } from './ResultsView.svelte';
