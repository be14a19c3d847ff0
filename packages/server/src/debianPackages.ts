import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { StartupError } from './startupError';

/** A system dependency: present when every one of its files exists. */
export interface SystemRequirement {
  /** What it is for, said to the user. */
  purpose: string;
  /** Debian package names that provide it. */
  packages: string[];
  /** Files whose presence proves it is installed. */
  files: string[];
}

const isMissing = (r: SystemRequirement) => r.files.some((f) => !existsSync(f));

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/**
 * Installs what is missing with apt-get when running as root on Debian/Ubuntu, saying so;
 * otherwise throws a StartupError naming the exact command to run.
 */
export function ensureDebianPackages(requirements: SystemRequirement[]): void {
  const missing = requirements.filter(isMissing);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((r) => r.packages))];
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (!canInstallWithApt()) {
    throw new StartupError(
      `missing ${missing.map((r) => r.purpose).join(', ')}: run \`sudo apt-get update && sudo ${command}\` and try again`,
    );
  }
  console.log(`segqc: installing ${packages.join(' ')} with apt-get (needed for ${missing.map((r) => r.purpose).join(', ')}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-q', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    throw new StartupError(`apt-get could not install ${packages.join(' ')}: run \`${command}\` by hand to see why`);
  }
  const stillMissing = missing.filter(isMissing);
  if (stillMissing.length > 0) {
    throw new StartupError(`${stillMissing.flatMap((r) => r.files).filter((f) => !existsSync(f)).join(', ')} still missing after installing ${packages.join(' ')}`);
  }
}

export const ORTHANC: SystemRequirement = {
  purpose: 'the embedded Orthanc PACS',
  packages: ['orthanc', 'orthanc-dicomweb'],
  files: ['/usr/sbin/Orthanc', '/usr/share/orthanc/plugins/libOrthancDicomWeb.so'],
};

export const CHROMIUM: SystemRequirement = {
  purpose: 'the browser tests (headless Chromium)',
  packages: ['chromium'],
  files: ['/usr/bin/chromium'],
};

/** node:crypto cannot issue X.509 certificates: the demo signer's CA and certificate are made with the openssl command. */
export const OPENSSL: SystemRequirement = {
  purpose: 'the demo signer certificate (SEGQC_AUTH=demo)',
  packages: ['openssl'],
  files: ['/usr/bin/openssl'],
};

export const DICOM_VALIDATORS: SystemRequirement = {
  purpose: 'the independent DICOM validators',
  packages: ['dicom3tools', 'dcmtk', 'pixelmed-apps', 'default-jre-headless'],
  files: ['/usr/bin/dciodvfy', '/usr/bin/dcentvfy', '/usr/bin/dsrdump', '/usr/bin/dcmdump', '/usr/share/java/pixelmed.jar', '/usr/bin/java'],
};
