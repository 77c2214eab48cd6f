"""Edits a .docx in LibreOffice with change tracking on, over the UNO bridge, the way a
reviewer would: each edit is recorded as a tracked change by the author given.

Usage: python3 lo_track_edit.py INPUT.docx OUTPUT.docx EDITS.json AUTHOR

EDITS.json is a list of edits, applied in order:
  {"op": "replace", "find": TEXT, "with": TEXT}   the first occurrence of TEXT replaced
  {"op": "delete-paragraph", "find": TEXT}         the paragraph holding TEXT deleted, its mark too
  {"op": "insert-after", "find": TEXT, "text": TEXT}  a new paragraph after the one holding TEXT

LibreOffice runs headless in a private profile (so a running one cannot interfere) and is
stopped at the end, even when an edit fails.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

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


def apply(doc, edit):
    op = edit["op"]
    if op == "replace":
        search = doc.createSearchDescriptor()
        search.SearchString = edit["find"]
        found = doc.findFirst(search)
        if found is None:
            raise LookupError("text not found: %r" % edit["find"])
        found.setString(edit["with"])
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
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        doc.setPropertyValue("RecordChanges", True)
        for edit in edits:
            apply(doc, edit)
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
