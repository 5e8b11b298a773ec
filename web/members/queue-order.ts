import type { JoinApplication } from '../app/api-types.ts';

/** Earliest due date first (the most urgent answer on top), then by arrival. */
export function byDueDate(a: JoinApplication, b: JoinApplication): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export function isOpen(application: JoinApplication): boolean {
  return application.status === 'pending' || application.status === 'contacted';
}
