import type { EmbeddedOrthanc } from '@segqc/server';
import { orthancRest } from './testPacs';

export interface OrthancStoredInstance {
  /** The SOP class and the transfer syntax the instance arrived in, as the Orthanc recorded them. */
  sopClassUid: string;
  transferSyntaxUid: string;
  /** The Part 10 file the Orthanc keeps. */
  file: Uint8Array;
}

/** An instance as the Orthanc itself holds it (its REST API, behind the gateway's back), by SOP Instance UID. */
export async function orthancStoredInstance(orthanc: EmbeddedOrthanc, sopInstanceUid: string): Promise<OrthancStoredInstance> {
  const found = await orthancRest(orthanc, '/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: sopInstanceUid } }) });
  const [id] = (await found.json()) as string[];
  if (!id) throw new Error(`${sopInstanceUid} is not in the Orthanc`);
  const metadata = async (name: string) => (await orthancRest(orthanc, `/instances/${id}/metadata/${name}`)).text();
  return {
    sopClassUid: await metadata('SopClassUid'),
    transferSyntaxUid: await metadata('TransferSyntax'),
    file: new Uint8Array(await (await orthancRest(orthanc, `/instances/${id}/file`)).arrayBuffer()),
  };
}
