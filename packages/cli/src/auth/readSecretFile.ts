import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { CredentialError } from './CredentialError';

/**
 * The content of a file holding a secret (an access token, a client secret), trimmed. Like ssh
 * with a private key, refuses a file that group or others have any access to: a secret other
 * users can read is no longer the user's alone. `setting` names where the path was given, for the
 * message. The file is checked and read through one descriptor, so it cannot be swapped between.
 * The mode check is POSIX's; on Windows, file permissions are ACLs that mode bits do not show.
 */
export function readSecretFile(path: string, setting: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CredentialError(`${setting} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new CredentialError(`${setting} ${path} is not a file`);
    const open = stat.mode & 0o077;
    if (open !== 0 && process.platform !== 'win32') {
      throw new CredentialError(`${setting} ${path}: permissions ${(stat.mode & 0o777).toString(8).padStart(4, '0')} are too open, other users have access to it; chmod 600 ${path}`);
    }
    const content = readFileSync(fd, 'utf8').trim();
    if (content === '') throw new CredentialError(`${setting} ${path} is empty`);
    return content;
  } finally {
    closeSync(fd);
  }
}
