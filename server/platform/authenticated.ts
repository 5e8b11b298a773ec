import type { FastifyRequest } from 'fastify';
import { AppError } from './http-errors.ts';
import type { Viewer } from './sessions.ts';

/** The signed-in person, or a 401 with the shared error shape. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthenticated', 'unauthenticated', 'sign in first');
  return request.viewer;
}
