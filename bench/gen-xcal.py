#!/usr/bin/env python3
# bench/gen-xcal.py
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes an xCal file of N VEVENTs (about 700 bytes each, so 100,000 make
# some 70 MB) for bench/bench-reader.sh: one Europe/Amsterdam VTIMEZONE,
# then events with a TZID, DTEND, a summary, categories, an organizer, an
# X- property, and every tenth a weekly RRULE with an EXDATE.
#
#   bench/gen-xcal.py N FILE
import sys

NS = 'urn:ietf:params:xml:ns:icalendar-2.0'


def main():
    n = int(sys.argv[1])
    with open(sys.argv[2], 'w', encoding='utf-8', buffering=1 << 20) as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<icalendar xmlns="{NS}">\n<vcalendar>\n'
                '<properties>\n<prodid><text>-//Paraat//bench//NL</text></prodid>\n'
                '<version><text>2.0</text></version>\n</properties>\n<components>\n'
                '<vtimezone><properties><tzid><text>Europe/Amsterdam</text></tzid></properties>\n'
                '<components>\n<daylight><properties>'
                '<dtstart><date-time>1981-03-29T02:00:00</date-time></dtstart>'
                '<rrule><recur><freq>YEARLY</freq><byday>-1SU</byday><bymonth>3</bymonth></recur></rrule>'
                '<tzoffsetfrom><utc-offset>+01:00</utc-offset></tzoffsetfrom>'
                '<tzoffsetto><utc-offset>+02:00</utc-offset></tzoffsetto></properties></daylight>\n'
                '<standard><properties>'
                '<dtstart><date-time>1996-10-27T03:00:00</date-time></dtstart>'
                '<rrule><recur><freq>YEARLY</freq><byday>-1SU</byday><bymonth>10</bymonth></recur></rrule>'
                '<tzoffsetfrom><utc-offset>+02:00</utc-offset></tzoffsetfrom>'
                '<tzoffsetto><utc-offset>+01:00</utc-offset></tzoffsetto></properties></standard>\n'
                '</components></vtimezone>\n')
        for i in range(n):
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            year = 2021 + (i // 336) % 10
            rrule = ''
            if i % 10 == 0:
                rrule = ('<rrule><recur><freq>WEEKLY</freq><count>10</count><byday>MO</byday></recur></rrule>\n'
                         f'<exdate><parameters><tzid><text>Europe/Amsterdam</text></tzid></parameters>'
                         f'<date-time>{year:04d}-{month:02d}-{day:02d}T09:00:00</date-time></exdate>\n')
            f.write(f'''<vevent>
<properties>
<uid><text>bench-{i}@paraat.example</text></uid>
<dtstamp><date-time>2026-01-05T09:00:00Z</date-time></dtstamp>
<dtstart><parameters><tzid><text>Europe/Amsterdam</text></tzid></parameters><date-time>{year:04d}-{month:02d}-{day:02d}T09:00:00</date-time></dtstart>
<dtend><parameters><tzid><text>Europe/Amsterdam</text></tzid></parameters><date-time>{year:04d}-{month:02d}-{day:02d}T17:00:00</date-time></dtend>
{rrule}      <summary><text>Oefening {i} – VR{1 + i % 25}</text></summary>
<categories><text>Oefening</text><text>Regio</text></categories>
<organizer><parameters><cn><text>VR{1 + i % 25}</text></cn></parameters><cal-address>mailto:oefenen@vr{1 + i % 25}.example</cal-address></organizer>
<x-paraat-regio><unknown>VR{1 + i % 25}</unknown></x-paraat-regio>
</properties>
</vevent>
''')
        f.write('</components>\n</vcalendar>\n</icalendar>\n')


if __name__ == '__main__':
    main()
