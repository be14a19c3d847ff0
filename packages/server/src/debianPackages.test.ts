import { ensureDebianPackages } from './debianPackages';
import { StartupError } from './startupError';

// A missing system package must end in one line that names the exact command, never a stack
// trace or a silent apt-get run as a user who cannot install.
const missing = { purpose: 'the frobnicator', packages: ['frob', 'frob-plugins'], files: ['/nonexistent/segqc/frob'] };

afterEach(() => jest.restoreAllMocks());

test('as a non-root user, a missing package is a StartupError naming the apt-get command', () => {
  jest.spyOn(process, 'getuid').mockReturnValue(1000);
  expect(() => ensureDebianPackages([missing])).toThrow(StartupError);
  expect(() => ensureDebianPackages([missing])).toThrow(
    'missing the frobnicator: run `sudo apt-get update && sudo apt-get install -y frob frob-plugins` and try again',
  );
});

test('nothing is installed or checked further when every file is present', () => {
  jest.spyOn(process, 'getuid').mockReturnValue(1000);
  expect(() => ensureDebianPackages([{ purpose: 'node', packages: ['nodejs'], files: [process.execPath] }])).not.toThrow();
});
