import type { ReactNode } from 'react';

export interface NoticeProps {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  /** 'status' for news the reader should hear politely, 'alert' for failures; none for static text. */
  live?: 'status' | 'alert';
}

export function Notice({ tone = 'info', title, children, live }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={live}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}
