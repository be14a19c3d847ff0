import { ANNOTATORS, GOLD_CREATOR, type DemoPerson } from '@segqc/demo-data';
import type { SegqcRole } from '@segqc/gateway';
import { passwordMatches, type StoredPassword } from './passwordCheck';

/** Someone who can sign in to the demo provider: a person of the demo cohort and their SegQC role. */
export interface DemoAccount {
  /** The login, also the subject (`sub`) of their tokens. */
  login: string;
  /** DICOM PN, `Family^Given`, as the demo cohort records them. */
  personName: string;
  givenName: string;
  familyName: string;
  /** `Given Family`, the OIDC `name` claim. */
  name: string;
  role: SegqcRole;
  password: StoredPassword;
}

function account(person: Pick<DemoPerson, 'name' | 'login'>, role: SegqcRole, password: StoredPassword): DemoAccount {
  const [familyName = '', givenName = ''] = person.name.split('^');
  return { login: person.login, personName: person.name, givenName, familyName, name: `${givenName} ${familyName}`, role, password };
}

/**
 * The demo cohort's people (packages/demo-data) with the reviewer and QA lead who use it. The
 * passwords are listed in the README ("Sign-in"); only their scrypt hashes are kept here.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account(ANNOTATORS.rivera, 'annotator', { salt: 'TA-2qeyNgzFGD9A5h9VKXA', hash: 'UfO4GS8Pc7twBEwed_ClvRf_D-CK5aSyA40AWGmuh3k' }),
  account(ANNOTATORS.chen, 'annotator', { salt: 'hHQrZW2-XBoykaUEu8PYBA', hash: 'Y3cfrFr4YoohDQSyxkNC9rlrJ67yMSBcQJ2w4C1fY3A' }),
  account(ANNOTATORS.okafor, 'annotator', { salt: 'Br-OYDEhphQddJstHXD5Rw', hash: 'cX7bKvSFDJiwXKvb3sjYiXgUbjOKbBYVY739_THYjDE' }),
  account({ name: 'Singh^Priya', login: 'psingh' }, 'reviewer', { salt: 'x1VzIXZmrcy6k-ThvbM-Yg', hash: 'WFsWJqWOH9UXAPVTtm68Z2-EU8e26A2V3bu7VuSVCGc' }),
  account(GOLD_CREATOR, 'adjudicator', { salt: 'kZcWCJHEKa7p6CgXguMCxw', hash: 'OYep-RBJ-N_9Uu9dQxiu7immGddPp4lrEyTfHa3vLQA' }),
  account({ name: 'Haddad^Omar', login: 'ohaddad' }, 'qa-lead', { salt: '7neNzacWq7Mbu90gNRaenw', hash: 'QC2jOL4T2iWc9ViTNpRzBjVIeQgmotwG_AyKHgQ6-Cw' }),
];

export function demoAccount(login: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((candidate) => candidate.login === login);
}

/** Hashed like the others, matches no password: an unknown login costs the same time as a known one. */
const NO_ACCOUNT: StoredPassword = { salt: 'c2VncWMtbm8tYWNjb3VudA', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };

/** The account whose login and password these are, or undefined; the time taken does not tell which was wrong. */
export async function authenticatedDemoAccount(login: string, password: string): Promise<DemoAccount | undefined> {
  const found = demoAccount(login);
  const matches = await passwordMatches(password, found?.password ?? NO_ACCOUNT);
  return found && matches ? found : undefined;
}
