import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { StartupError } from './startupError';

/**
 * Listens on host:port through Fastify (so that `app.close()` also ends kept-alive connections),
 * turning "address in use" into advice the user can act on.
 */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    throw listenError(error as NodeJS.ErrnoException, port, host, { name: 'PORT', usual: 3000 });
  }
}

/** The environment variable that chooses a port, and the port it usually is. */
export interface PortSetting {
  name: string;
  usual: number;
}

/** Listens with a plain Node server; a port in use names the setting that chooses another. */
export function listenServer(server: Server, port: number, host: string, setting: PortSetting): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host, setting)));
    server.listen(port, host, () => resolve());
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string, setting: PortSetting): Error {
  if (error.code === 'EADDRINUSE') return new StartupError(`port ${port} is in use on ${host}: stop the program using it, or choose another port, e.g. ${setting.name}=${port + 1} npm start`);
  if (error.code === 'EACCES') return new StartupError(`not allowed to listen on port ${port}: choose a port above 1023, e.g. ${setting.name}=${setting.usual} npm start`);
  return error;
}

export function parsePort(value: string, setting = 'PORT'): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`${setting}=${value} is not a TCP port number (1-65535)`);
  return port;
}
