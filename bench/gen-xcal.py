#!/usr/bin/env python3
# bench/gen-xcal.py
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes an xCal file of N VEVENTs (about 700 bytes each, so 100,000 make
# some 70 MB) and, with --ics, the same events as an .ics file, for
# bench-reader and bench/bench-exchange.sh. One Europe/Amsterdam
# VTIMEZONE, then what another region's Paraat exports: events with a
# TZID, DTEND, a summary, an exercise type in CATEGORIES, an organizer,
# X-PARAAT-REGION, Defence units in RESOURCES (requested or confirmed in
# X-PARAAT-DEFENCE) on every third, and every
# tenth a weekly RRULE. Every event imports as an exercise without a
# warning (paraat-cli import --kind region).
#
# An event starts every hour (at a quarter past, half past …), one to
# eight hours long, so the calendar is as dense at every N and the
# conflicts grow with the events: 100,000 run from 2026 to 2037.
#
# --first F numbers the events from F, for a calendar in several files.
#
#   bench/gen-xcal.py [--first F] [--ics ICS_FILE] N FILE
import argparse
import datetime

NS = 'urn:ietf:params:xml:ns:icalendar-2.0'
TYPES = ['TABLETOP', 'ALARM', 'COPI', 'ROT', 'BT', 'MELDKAMER', 'SYSTEEM', 'VELD']
UNITS = ['43 Gemechaniseerde Brigade (staf)', '11 Geniecompagnie', 'CBRN-responseenheid (Vught)',
         'Defensie Helikopter Commando', '10 Natresbataljon']
T0 = datetime.datetime(2026, 1, 5)


def event(i):
    """The fields of event i, the same in both files"""
    # A fixed scramble of i, so neighbours differ without a random generator
    h = (i * 2654435761) & 0xffffffff
    start = T0 + datetime.timedelta(hours=i, minutes=15 * (h % 4))
    end = start + datetime.timedelta(hours=1 + (h >> 4) % 8)
    region = f'VR{1 + i % 25:02d}'
    return {
        'uid': f'bench-{i}@paraat.example',
        'start': start.strftime('%Y%m%dT%H%M%S'),
        'end': end.strftime('%Y%m%dT%H%M%S'),
        'summary': f'Oefening {i} – {region}',
        'type': TYPES[(h >> 8) % len(TYPES)],
        'region': region,
        'units': [UNITS[(h >> 12) % len(UNITS)], UNITS[(h >> 16) % len(UNITS)]][:1 + (h >> 20) % 2]
        if i % 3 == 0 else [],
        'weekly': i % 10 == 0,
        'defence': ['requested', 'confirmed'][(h >> 24) % 2],
    }


def xml_time(t):
    return f'{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[9:11]}:{t[11:13]}:{t[13:15]}'


def write_xcal(first, n, path):
    with open(path, 'w', encoding='utf-8', buffering=1 << 20) as f:
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
        for i in range(first, first + n):
            e = event(i)
            tz = '<parameters><tzid><text>Europe/Amsterdam</text></tzid></parameters>'
            rrule = ''
            if e['weekly']:
                rrule = '<rrule><recur><freq>WEEKLY</freq><count>10</count></recur></rrule>\n'
            resources = defence = ''
            if e['units']:
                resources = ('<resources>' + ''.join(f'<text>{u}</text>' for u in e['units'])
                             + '</resources>\n')
                defence = f'<x-paraat-defence><unknown>{e["defence"]}</unknown></x-paraat-defence>\n'
            f.write(f'''<vevent>
<properties>
<uid><text>{e['uid']}</text></uid>
<dtstamp><date-time>2026-01-05T09:00:00Z</date-time></dtstamp>
<dtstart>{tz}<date-time>{xml_time(e['start'])}</date-time></dtstart>
<dtend>{tz}<date-time>{xml_time(e['end'])}</date-time></dtend>
{rrule}<summary><text>{e['summary']}</text></summary>
<categories><text>{e['type']}</text></categories>
<organizer><parameters><cn><text>{e['region']}</text></cn></parameters><cal-address>mailto:oefenen@{e['region'].lower()}.example</cal-address></organizer>
{resources}{defence}<x-paraat-region><unknown>{e['region']}</unknown></x-paraat-region>
</properties>
</vevent>
''')
        f.write('</components>\n</vcalendar>\n</icalendar>\n')


def fold(line):
    """RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space"""
    data = line.encode('utf-8')
    if len(data) <= 75:
        return line + '\r\n'
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xc0) == 0x80:
            end -= 1
        out.append(data[start:end].decode('utf-8'))
        start, limit = end, 74
    return '\r\n '.join(out) + '\r\n'


def write_ics(first, n, path):
    with open(path, 'w', encoding='utf-8', newline='', buffering=1 << 20) as f:
        f.write('BEGIN:VCALENDAR\r\nPRODID:-//Paraat//bench//NL\r\nVERSION:2.0\r\n'
                'BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n'
                'BEGIN:DAYLIGHT\r\nDTSTART:19810329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n'
                'TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n'
                'BEGIN:STANDARD\r\nDTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n'
                'TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n')
        for i in range(first, first + n):
            e = event(i)
            lines = ['BEGIN:VEVENT', f'UID:{e["uid"]}', 'DTSTAMP:20260105T090000Z',
                     f'DTSTART;TZID=Europe/Amsterdam:{e["start"]}', f'DTEND;TZID=Europe/Amsterdam:{e["end"]}']
            if e['weekly']:
                lines.append('RRULE:FREQ=WEEKLY;COUNT=10')
            lines += [f'SUMMARY:{e["summary"]}', f'CATEGORIES:{e["type"]}',
                      f'ORGANIZER;CN={e["region"]}:mailto:oefenen@{e["region"].lower()}.example']
            if e['units']:
                lines += ['RESOURCES:' + ','.join(e['units']), f'X-PARAAT-DEFENCE:{e["defence"]}']
            lines += [f'X-PARAAT-REGION:{e["region"]}', 'END:VEVENT']
            f.write(''.join(fold(line) for line in lines))
        f.write('END:VCALENDAR\r\n')


def main():
    parser = argparse.ArgumentParser(description='Write N events as xCal (and .ics)')
    parser.add_argument('--ics', help='also write the events to this .ics file')
    parser.add_argument('--first', type=int, default=0, help='the number of the first event (default 0)')
    parser.add_argument('n', type=int)
    parser.add_argument('file')
    args = parser.parse_args()
    write_xcal(args.first, args.n, args.file)
    if args.ics:
        write_ics(args.first, args.n, args.ics)


if __name__ == '__main__':
    main()
