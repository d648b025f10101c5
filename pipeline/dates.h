/* dates.h - small date helpers for the facts stage: numbers as written, calendar checks,
 * quarters and roman numerals, ISO 8601 formatting.  No words of any language here. */
#ifndef VP_DATES_H
#define VP_DATES_H

#include <stddef.h>

/* Digits of s[0..n) as an int (other bytes ignored); -1 when there are none or too many. */
int vp_date_int(const char *s, size_t n);
/* A roman numeral (I, II, III, IV, ...) or a decimal number in s[0..n); 0 when neither. */
int vp_date_roman(const char *s, size_t n);
int vp_date_days_in_month(int year, int month);
/* 1 when year/month/day is a calendar date (year 1900..2199). */
int vp_date_valid(int year, int month, int day);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void vp_date_iso(char *out, int year, int month, int day);
/* The ISO date n units after the ISO date `iso` (unit 'D' days, 'M' months, 'Y' years; a day
 * past the end of the month it lands in becomes that month's last day) into out (at least 11
 * bytes); n below 0 counts back.  Returns 1, or 0 when iso is not a full date or n is outside
 * -9999..9999. */
int vp_date_add(const char *iso, int n, char unit, char *out);
/* The year of an ISO date or partial date ("2024", "2024-02", "2024-02-06"); 0 if none. */
int vp_date_year_of(const char *iso);
/* A decimal written the Vietnamese way: "1,5" -> 1.5, "1.500" -> 1500, "500.000.000" -> 5e8.
 * Returns 1 and the value in *out, 0 when s[0..n) holds no number. */
int vp_date_decimal(const char *s, size_t n, double *out);
/* The same, where a lone "," is the decimal mark whatever follows it when comma_decimal is set
 * ("305,900" -> 305.9; vp_date_decimal reads a lone group of three as thousands: 305900). */
int vp_date_decimal_mark(const char *s, size_t n, int comma_decimal, double *out);
/* A decimal as written, for attributes: "1,5" -> "1.5", "70" -> "70" (into out, outlen bytes). */
void vp_date_decimal_text(const char *s, size_t n, char *out, size_t outlen);
/* The same with vp_date_decimal_mark's reading of a lone ",". */
void vp_date_decimal_text_mark(const char *s, size_t n, int comma_decimal, char *out, size_t outlen);

#endif
