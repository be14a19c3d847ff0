/** A moment as DICOM DA (`YYYYMMDD`) and TM (`HHMMSS`) in the viewer's local time (PS3.5 6.2: DA/TM are local unless an offset is given). */
export function dicomDateTime(at: Date): { date: string; time: string } {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`,
    time: `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`,
  };
}
