"""Edits a .docx in LibreOffice with change tracking on, over the UNO bridge, the way a
reviewer would: each edit is recorded as a tracked change by the author given.

Usage: python3 lo_track_edit.py INPUT.docx OUTPUT.docx EDITS.json AUTHOR

EDITS.json is a list of edits, applied in order:
  {"op": "replace", "find": TEXT, "with": TEXT}   the first occurrence of TEXT replaced
  {"op": "delete-paragraph", "find": TEXT}         the paragraph holding TEXT deleted, its mark too
  {"op": "insert-after", "find": TEXT, "text": TEXT}  a new paragraph after the one holding TEXT
  {"op": "comment", "find": TEXT, "text": TEXT, "replies": [TEXT]}
                                                   a comment on TEXT, then its replies (LibreOffice
                                                   7.4 has no reply threads: each reply is a comment
                                                   of its own on the same text, as LibreOffice files it)
  {"op": "resolve", "comment": TEXT}               the comment whose text is TEXT marked resolved

TEXT is found in the body's paragraphs (not in tables, notes or headers).

LibreOffice runs headless in a private profile (so a running one cannot interfere) and is
stopped at the end, even when an edit fails. The document is loaded as a model without a
view: a view draws each comment in a margin window built from a dialog file that the
headless ("nogui") LibreOffice packages do not ship, and LibreOffice aborts on the first
comment ("Binary URP bridge disposed"). Without a view there is no layout to search in
either, so text is found by walking paragraphs rather than with LibreOffice's search.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.util import DateTime

PARAGRAPH_BREAK = 0


def prop(name, value):
    result = PropertyValue()
    result.Name = name
    result.Value = value
    return result


def connect(pipe, process):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.2)


def set_author(ctx, author):
    """Tracked changes carry the user profile's name."""
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def paragraph_with(doc, text):
    enumeration = doc.Text.createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph") and text in paragraph.String:
            return paragraph
    raise LookupError("no paragraph holds %r" % text)


def text_range(doc, text):
    """The first occurrence of `text` in a body paragraph, selected by a text cursor."""
    paragraph = paragraph_with(doc, text)
    cursor = doc.Text.createTextCursorByRange(paragraph.Start)
    cursor.goRight(paragraph.String.index(text), False)
    cursor.goRight(len(text), True)
    return cursor


def now():
    """The current time as LibreOffice stores a comment's date (without one it writes year 0)."""
    moment = datetime.now(timezone.utc)
    return DateTime(
        0, moment.second, moment.minute, moment.hour, moment.day, moment.month, moment.year, True
    )


def add_comment(doc, where, text, author):
    comment = doc.createInstance("com.sun.star.text.textfield.Annotation")
    comment.Author = author
    comment.Initials = "".join(word[0] for word in author.split())
    comment.DateTimeValue = now()
    comment.Content = text
    doc.Text.insertTextContent(where, comment, True)


def comment_with(doc, text):
    fields = doc.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.TextField.Annotation") and field.Content == text:
            return field
    raise LookupError("no comment says %r" % text)


def apply(doc, edit, author):
    op = edit["op"]
    if op == "replace":
        text_range(doc, edit["find"]).setString(edit["with"])
    elif op == "delete-paragraph":
        paragraph = paragraph_with(doc, edit["find"])
        cursor = doc.Text.createTextCursorByRange(paragraph.Start)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        cursor.setString("")
    elif op == "insert-after":
        paragraph = paragraph_with(doc, edit["find"])
        cursor = doc.Text.createTextCursorByRange(paragraph.End)
        doc.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        doc.Text.insertString(cursor, edit["text"], False)
    elif op == "comment":
        for text in [edit["text"]] + edit.get("replies", []):
            add_comment(doc, text_range(doc, edit["find"]), text, author)
    elif op == "resolve":
        comment_with(doc, edit["comment"]).Resolved = True
    else:
        raise ValueError("unknown edit %r" % op)


def main(source, target, edits_path, author):
    with open(edits_path, encoding="utf-8") as handle:
        edits = json.load(handle)
    profile = tempfile.mkdtemp(prefix="rapporteur-uno-")
    pipe = "rapporteur-uno-%d" % os.getpid()
    process = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Its own process group: soffice starts soffice.bin, which must go too if an edit fails.
        start_new_session=True,
    )
    try:
        ctx = connect(pipe, process)
        set_author(ctx, author)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
        doc.load(
            (
                prop("URL", uno.systemPathToFileUrl(os.path.abspath(source))),
                prop("FilterName", "MS Word 2007 XML"),
            )
        )
        doc.setPropertyValue("RecordChanges", True)
        for edit in edits:
            apply(doc, edit, author)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)),
            (prop("FilterName", "MS Word 2007 XML"),),
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # The bridge drops as LibreOffice quits.
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # Already gone.
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
