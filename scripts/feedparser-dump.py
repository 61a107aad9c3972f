#!/usr/bin/env python3
"""Reads JSON lines {"file", "content_type"?, "base_url"?} on stdin; prints one JSON line per input with what
feedparser (Debian's python3-feedparser) reads: items with title, link, published (UTC ISO), author name and email,
summary text. Used by scripts/compare-feedparser.ts."""
import calendar
import html
import json
import re
import sys
import time

import feedparser

TAG = re.compile(r"<[^>]*>")


def text(value):
    if value is None:
        return None
    return " ".join(html.unescape(TAG.sub(" ", value)).split())


def iso(parsed):
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(calendar.timegm(parsed)))


def construct(value, detail):
    """Plain text of a text construct: markup stripped unless feedparser says it is plain text."""
    if value is None:
        return None
    if (detail or {}).get("type") == "text/plain":
        return " ".join(value.split())
    return text(value)


def item(entry):
    detail = entry.get("author_detail") or {}
    content = entry.get("content") or []
    summary, summary_detail = entry.get("summary"), entry.get("summary_detail")
    if summary is None and content:
        summary, summary_detail = content[0].get("value"), content[0]
    return {
        "title": construct(entry.get("title"), entry.get("title_detail")),
        "link": entry.get("link"),
        "published": iso(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")),
        "author": detail.get("name") or (entry.get("author") if not detail else None),
        "email": detail.get("email"),
        "summary": construct(summary, summary_detail),
    }


for line in sys.stdin:
    req = json.loads(line)
    headers = {}
    if req.get("content_type"):
        headers["content-type"] = req["content_type"]
    if req.get("base_url"):
        headers["content-location"] = req["base_url"]
    try:
        with open(req["path"], "rb") as f:
            data = f.read()
        parsed = feedparser.parse(data, response_headers=headers or None, sanitize_html=False,
                                  resolve_relative_uris=True)
        out = {"file": req["file"], "bozo": bool(parsed.bozo), "version": parsed.get("version") or "",
               "title": construct(parsed.feed.get("title"), parsed.feed.get("title_detail")), "items": [item(e) for e in parsed.entries]}
    except Exception as err:  # noqa: BLE001 - a crash in the reference parser is a result too
        out = {"file": req["file"], "error": repr(err), "items": []}
    print(json.dumps(out, ensure_ascii=False), flush=True)
