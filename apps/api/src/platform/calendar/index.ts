/** The PRC working-day calendar (China Standard Time, public holidays and 调休 make-up days); imports no module. */
export { chinaDay, createWorkingDayCalendar, endOfChinaDay, type DayTable, type WorkingDayCalendar } from './working-day-calendar.ts';
export { bundledChinaTable, loadChinaCalendar, OVERRIDE_FILE } from './china-calendar.ts';
