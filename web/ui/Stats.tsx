import type { ReactNode } from 'react';

/** Key figures as a definition list: a label and a big number for each. */
export function Stats({ items }: { items: { label: ReactNode; value: ReactNode; key: string }[] }) {
  return (
    <dl className="stats">
      {items.map((item) => (
        <div className="stat" key={item.key}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
