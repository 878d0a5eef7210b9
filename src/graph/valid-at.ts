/**
 * Time-scoped truth: whether a statement holds on a date, from its time qualifiers.
 */

import { dateEnd, dateStart, type ClaimStatement } from '../model/index.ts';

/** Whether a statement's time qualifiers include the given date (any ISO prefix). */
export function validAt(statement: ClaimStatement, date: string): boolean {
  const day = dateStart(date);
  const { startTime, endTime, pointInTime } = statement.qualifiers;
  if (startTime && day < dateStart(startTime.value)) return false;
  // A partnership that ended in May 2022 no longer holds on any day of May 2022 or later.
  if (endTime && day >= dateStart(endTime.value)) return false;
  if (pointInTime && !startTime && !endTime) {
    return day >= dateStart(pointInTime.value) && day <= dateEnd(pointInTime.value, pointInTime.precision);
  }
  return true;
}
