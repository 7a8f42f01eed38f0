import type { ReactNode } from 'react';
import type { Tone } from './Notice';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone | 'neutral'; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
