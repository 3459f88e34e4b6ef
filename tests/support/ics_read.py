"""Reads an iCalendar text on stdin with Python's `icalendar` package (as a
calendar client would) and prints what the tests check, as JSON: the
method, and for each event its UID, sequence, start and end (ISO 8601 with
their offset), summary, location, organizer and attendees.

Usage: python ics_read.py < invite.ics
"""

import json
import sys

import icalendar


def main():
    calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    events = []
    for event in calendar.walk("VEVENT"):
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        events.append({
            "uid": str(event["UID"]),
            "sequence": int(event["SEQUENCE"]),
            "start": event["DTSTART"].dt.isoformat(),
            "end": event["DTEND"].dt.isoformat(),
            "stamp": event["DTSTAMP"].dt.isoformat(),
            "summary": str(event["SUMMARY"]),
            "location": str(event["LOCATION"]),
            "description": str(event["DESCRIPTION"]),
            "organizer": str(event["ORGANIZER"]),
            "attendees": [str(a) for a in attendees],
        })
    print(json.dumps({"method": str(calendar["METHOD"]), "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main()
