import type { Server } from 'node:http';
import { StartupError } from './startupError';

/** Listens on host:port, turning "address in use" into advice the user can act on. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`port ${port} is in use on ${host}: stop the program using it, or choose another port, e.g. PORT=${port + 1} npm start`));
      else if (error.code === 'EACCES') reject(new StartupError(`not allowed to listen on port ${port}: choose a port above 1023, e.g. PORT=3000 npm start`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT=${value} is not a TCP port number (1-65535)`);
  return port;
}
