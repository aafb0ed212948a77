import { readInputText, readFailure } from '../io/read-input-file.js';
import { type CsvRow, csvRows } from '../io/csv-rows.js';
import { createRequire } from 'node:module';
import { InputError, type InputProblem, inputError } from '../errors.js';
import { dayOfIsoDate } from '../calendar/days.js';

type HolidaysClass = typeof import('date-holidays').default;
let holidaysClass: HolidaysClass | undefined;
/** date-holidays and its calendars are large: loaded by the first `--holidays`, not at start-up. */
function loadHolidays(): HolidaysClass {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return holidaysClass;
}

/**
 * A day that does not follow the usual weekly pattern: a public holiday, building works, an
 * epidemic. `effect` multiplies the day's calls (0 = closed, 1.3 = 30 % more); without it the
 * effect is estimated from the history's days with the same label.
 */
export interface SpecialDay {
  /** `YYYY-MM-DD`, local date. */
  date: string;
  label: string;
  effect?: number;
}

/** The label given to public holidays, so that all holidays share one estimated effect. */
export const HOLIDAY_LABEL = 'public holiday';

/**
 * Public holidays of a country or region (`FR`, `FR-75`, `US-PA`) between two years, from
 * date-holidays (type `public` only), each labelled {@link HOLIDAY_LABEL}. Unknown codes are
 * an {@link InputError} naming the flag. Cost: one rule evaluation per year.
 */
export function publicHolidays(region: string, fromYear: number, toYear: number): SpecialDay[] {
  const [country, state] = region.split('-');
  const Holidays = loadHolidays();
  const holidays = new Holidays();
  const countries = holidays.getCountries();
  if (!country || !(country.toUpperCase() in countries)) {
    throw inputError('--holidays', 'a country code known to date-holidays (FR, US, DE…)', region, {
      hint: 'optionally with a region: FR-75, US-PA',
    });
  }
  if (state && !(state.toUpperCase() in (holidays.getStates(country) ?? {}))) {
    throw inputError('--holidays', `a region of ${country} known to date-holidays`, region);
  }
  const calendar = state ? new Holidays(country, state) : new Holidays(country);
  const days: SpecialDay[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of calendar.getHolidays(year) ?? []) {
      if (holiday.type !== 'public') continue;
      days.push({ date: holiday.date.slice(0, 10), label: HOLIDAY_LABEL });
    }
  }
  return days;
}

/**
 * Parse a special-days CSV with header `date,label[,effect]` (`2024-06-03,building works,1.25`).
 * Every bad line is collected into one {@link InputError} with its line number.
 */
export function parseSpecialDaysCsv(text: string, file?: string): SpecialDay[] {
  let rows: CsvRow[];
  try {
    rows = csvRows(text);
  } catch (error) {
    throw inputError('--special-days', 'a readable CSV file', (error as Error).message, {
      ...(file ? { file } : {}),
      raw: true,
    });
  }
  const header = rows[0]?.record.map((h) => h.toLowerCase()) ?? [];
  const dateColumn = header.indexOf('date');
  const labelColumn = header.indexOf('label');
  const effectColumn = header.indexOf('effect');
  if (dateColumn < 0 || labelColumn < 0) {
    throw inputError(
      'line 1',
      'a header `date,label[,effect]`',
      header.join(','),
      file ? { file } : {},
    );
  }
  const problems: InputProblem[] = [];
  const days: SpecialDay[] = [];
  for (const { record, info } of rows.slice(1)) {
    const date = record[dateColumn] ?? '';
    const label = record[labelColumn] ?? '';
    const rawEffect = effectColumn >= 0 ? (record[effectColumn] ?? '') : '';
    const path = `line ${info.lines}`;
    if (dayOfIsoDate(date) === undefined) {
      problems.push({ path, expected: 'a date YYYY-MM-DD', received: JSON.stringify(date) });
      continue;
    }
    if (label === '') {
      problems.push({ path, expected: 'a label', received: 'an empty cell' });
      continue;
    }
    const day: SpecialDay = { date, label };
    if (rawEffect !== '') {
      const effect = Number(rawEffect);
      if (!Number.isFinite(effect) || effect < 0 || effect > 100) {
        problems.push({
          path,
          expected: 'an effect from 0 to 100 multiplying the day (0 closed, 1.2 = +20 %)',
          received: JSON.stringify(rawEffect),
        });
        continue;
      }
      day.effect = effect;
    }
    days.push(day);
  }
  if (problems.length > 0) throw new InputError(problems, file);
  return days;
}

/** Read {@link parseSpecialDaysCsv} from a file, named in messages as `shown` (as typed). */
export function readSpecialDaysCsv(path: string, shown = path): SpecialDay[] {
  let text: string;
  try {
    text = readInputText(path);
  } catch (error) {
    throw inputError('--special-days', 'a readable file', shown, { hint: readFailure(error) });
  }
  return parseSpecialDaysCsv(text, shown);
}
