import type { FastifyInstance } from 'fastify';
import { StartupError } from './startupError';

/**
 * Listens on host:port through Fastify (so that `app.close()` also ends kept-alive connections),
 * turning "address in use" into advice the user can act on.
 */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') throw new StartupError(`port ${port} is in use on ${host}: stop the program using it, or choose another port, e.g. PORT=${port + 1} npm start`);
    if (code === 'EACCES') throw new StartupError(`not allowed to listen on port ${port}: choose a port above 1023, e.g. PORT=3000 npm start`);
    throw error;
  }
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT=${value} is not a TCP port number (1-65535)`);
  return port;
}
