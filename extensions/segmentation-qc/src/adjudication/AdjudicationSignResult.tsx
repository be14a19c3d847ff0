import type { Identity } from '../identity/Identity';
import type { ReadBack, SignState } from './adjudicationStore';

/** What became of the signature, shown under Sign where the adjudicator is looking. */
export function AdjudicationSignResult({ sign, readBack, identity }: { sign: SignState; readBack: ReadBack; identity: Identity | null }) {
  if (sign.status === 'failed') {
    return (
      <div className="segqc-error" role="alert" data-testid="segqc-adjudication-error">
        Not signed: {sign.error}
      </div>
    );
  }
  if (sign.status !== 'signed') return null;
  const stored = readBack.status === 'read' && readBack.record.reportSopInstanceUid === sign.written.reportSopInstanceUid;
  const signer = identity ? ` by ${identity.name} (${identity.login})` : '';
  const when = new Date(sign.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
  const signature = identity?.authentication ? "; the gateway adds the site's digital signature as it stores the report" : '; self-declared, without a digital signature';
  return (
    <div role="status" data-testid="segqc-adjudication-signed" data-state={stored ? 'stored' : 'queued'} data-report={sign.written.reportSopInstanceUid} data-reference={sign.written.referenceSegSopInstanceUid}>
      <p className="segqc-checklist-complete">
        Signed{signer} on {when}: Adjudication approved{sign.written.revises ? ' (a revision of the earlier adjudication)' : ''}
        {stored ? '. Stored in the PACS; shown above as the PACS records it.' : `. The reference SEG and the QC report are queued for the PACS${signature}.`}
      </p>
      {readBack.status === 'failed' && (
        <div className="segqc-error" role="alert" data-testid="segqc-adjudication-read-back-error">
          Stored, but the adjudication could not be read back from the PACS: {readBack.error}
        </div>
      )}
    </div>
  );
}
