// One line saying where a model load is: which stage, shard i of n, MB of MB, time left.
import type { LoadProgress } from '../../core/engine.ts';
import { formatBytes } from '../../core/format/formatBytes.ts';
import { formatDuration } from '../../core/format/formatDuration.ts';

export function describeProgress(p: LoadProgress): string {
  const shard = p.shard ? `shard ${p.shard.index} of ${p.shard.count}` : '';
  switch (p.stage) {
    case 'prepare':
      return 'Preparing: fetching the model configuration and library';
    case 'download': {
      const parts = ['Downloading weights'];
      if (shard) parts.push(shard);
      if (p.bytesDone !== undefined) {
        parts.push(
          p.bytesTotal !== undefined
            ? `${formatBytes(p.bytesDone)} of about ${formatBytes(p.bytesTotal)}`
            : formatBytes(p.bytesDone),
        );
      }
      if (p.etaSeconds !== undefined && p.fraction < 1)
        parts.push(`about ${formatDuration(p.etaSeconds)} left`);
      return parts.join(' · ');
    }
    case 'gpu-upload':
      return ['Loading weights onto the GPU', shard].filter(Boolean).join(' · ');
    case 'shaders':
      return ['Compiling GPU shaders', p.shard ? `${p.shard.index} of ${p.shard.count}` : '']
        .filter(Boolean)
        .join(' · ');
    case 'done':
      return 'Ready';
    default:
      return p.phase === 'compile' ? 'Compiling GPU shaders' : p.phase === 'ready' ? 'Ready' : 'Loading';
  }
}
