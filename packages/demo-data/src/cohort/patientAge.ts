/** Patient's Age (AS, e.g. `063Y`) on a date, from the birth date (both DA). */
export function patientAge(birthDate: string, onDate: string): string {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (onDate.slice(4) < birthDate.slice(4) ? 1 : 0);
  return `${String(years).padStart(3, '0')}Y`;
}
