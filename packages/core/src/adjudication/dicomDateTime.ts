/** A moment as DICOM DA (`YYYYMMDD`) and TM (`HHMMSS`) in local time (PS3.5 6.2: DA and TM are local unless an offset is given). */
export function dicomDateTime(at: Date): { date: string; time: string } {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(at.getFullYear()).padStart(4, '0')}${two(at.getMonth() + 1)}${two(at.getDate())}`,
    time: `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`,
  };
}
