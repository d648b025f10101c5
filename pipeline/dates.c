/* dates.c - date and number helpers for the facts stage. */
#include "dates.h"

#include <stdio.h>
#include <string.h>

int vp_date_int(const char *s, size_t n)
{
    long v = 0;
    int digits = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            if (++digits > 9)
                return -1;
        }
    return digits ? (int)v : -1;
}

static int roman_digit(char c)
{
    switch (c) {
    case 'I': case 'i': return 1;
    case 'V': case 'v': return 5;
    case 'X': case 'x': return 10;
    case 'L': case 'l': return 50;
    case 'C': case 'c': return 100;
    default: return 0;
    }
}

int vp_date_roman(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (!n)
        return 0;
    if (s[0] >= '0' && s[0] <= '9') {
        int v = vp_date_int(s, n);
        return v > 0 ? v : 0;
    }
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        int v = roman_digit(s[i]);
        if (!v)
            return 0;
        int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
        if (i + 1 < n && !next)
            return 0;
        total += next > v ? -v : v;
    }
    return total > 0 ? total : 0;
}

int vp_date_days_in_month(int year, int month)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return dm[month - 1];
}

int vp_date_valid(int year, int month, int day)
{
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1)
        return 0;
    return day <= vp_date_days_in_month(year, month);
}

void vp_date_iso(char *out, int year, int month, int day)
{
    unsigned y = (unsigned)year % 10000u, m = (unsigned)month % 100u, d = (unsigned)day % 100u;
    snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}

int vp_date_add(const char *iso, int n, char unit, char *out)
{
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-' || n < -9999 || n > 9999)
        return 0;
    int y = vp_date_int(iso, 4), m = vp_date_int(iso + 5, 2), d = vp_date_int(iso + 8, 2);
    if (!vp_date_valid(y, m, d))
        return 0;
    if (unit == 'Y' || unit == 'M') {
        long months = (long)y * 12 + (m - 1) + (unit == 'Y' ? 12L * n : n);
        y = (int)(months / 12);
        m = (int)(months % 12) + 1;
        if (d > vp_date_days_in_month(y, m))
            d = vp_date_days_in_month(y, m);
    } else if (unit == 'D') {
        for (int left = -n; left > 0;) { /* back: "trước Tết": the day before it */
            if (left < d) {
                d -= left;
                break;
            }
            left -= d;
            if (--m < 1) {
                m = 12;
                y--;
            }
            d = vp_date_days_in_month(y, m);
        }
        for (int left = n; left > 0;) {
            int room = vp_date_days_in_month(y, m) - d; /* days left in this month */
            if (left <= room) {
                d += left;
                break;
            }
            left -= room + 1;
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    } else {
        return 0;
    }
    if (!vp_date_valid(y, m, d))
        return 0;
    vp_date_iso(out, y, m, d);
    return 1;
}

int vp_date_year_of(const char *iso)
{
    if (!iso || strlen(iso) < 4)
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (iso[i] < '0' || iso[i] > '9')
            return 0;
        y = y * 10 + (iso[i] - '0');
    }
    return y;
}

/* Splits s into digit groups separated by '.' or ','; decides whether the last separator is
 * a decimal mark (one separator not followed by exactly three digits, or a lone "," when
 * comma_decimal is set) or thousands marks. */
int vp_date_decimal_mark(const char *s, size_t n, int comma_decimal, double *out)
{
    size_t nsep = 0, lastsep = (size_t)-1, ndig = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            ndig++;
        else if (s[i] == '.' || s[i] == ',') {
            nsep++;
            lastsep = i;
        }
    }
    if (!ndig)
        return 0;
    int decimal = 0;
    if (nsep == 1) {
        size_t after = 0;
        for (size_t i = lastsep + 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            after++;
        decimal = after != 3 || (comma_decimal && s[lastsep] == ',');
    } else if (nsep > 1) {
        /* "1.500,5": mixed marks, the last one is the decimal mark */
        char first = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] == '.' || s[i] == ',') {
                first = s[i];
                break;
            }
        decimal = s[lastsep] != first;
    }
    double v = 0, scale = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (scale > 0) {
                v += (s[i] - '0') * scale;
                scale /= 10;
            } else
                v = v * 10 + (s[i] - '0');
        } else if (decimal && i == lastsep)
            scale = 0.1;
    }
    *out = v;
    return 1;
}

int vp_date_decimal(const char *s, size_t n, double *out) { return vp_date_decimal_mark(s, n, 0, out); }

void vp_date_decimal_text_mark(const char *s, size_t n, int comma_decimal, char *out, size_t outlen)
{
    double v = 0;
    if (outlen == 0)
        return;
    if (!vp_date_decimal_mark(s, n, comma_decimal, &v)) {
        out[0] = 0;
        return;
    }
    long long iv = (long long)v;
    if ((double)iv == v)
        snprintf(out, outlen, "%lld", iv);
    else {
        snprintf(out, outlen, "%.4f", v);
        size_t l = strlen(out);
        while (l > 0 && out[l - 1] == '0')
            out[--l] = 0;
        if (l > 0 && out[l - 1] == '.')
            out[--l] = 0;
    }
}

void vp_date_decimal_text(const char *s, size_t n, char *out, size_t outlen)
{
    vp_date_decimal_text_mark(s, n, 0, out, outlen);
}
