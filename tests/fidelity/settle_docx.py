"""Accepts or rejects every tracked change of a .docx the way Word does, with python-docx,
then updates its SEQ fields as Word's field update (F9) would.

Usage: python3 settle_docx.py INPUT.docx accept|reject OUTPUT.docx

Accepting keeps inserted and moved-to content, drops deleted and moved-from
content, and merges a paragraph whose mark is deleted into the next one;
rejecting does the opposite. Footnotes are settled too. An independent second
reader of our revisions: it knows nothing of how the exporter wrote them.
"""

import sys

import docx
from docx.oxml.ns import qn
from lxml import etree

W_P = qn("w:p")


def unwrap(element):
    parent = element.getparent()
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def drop(element):
    element.getparent().remove(element)


def mark_revision(paragraph, tag):
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        return None
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        return None
    return rpr.find(qn(tag))


def settle(root, decision):
    keep = ("w:ins", "w:moveTo") if decision == "accept" else ("w:del", "w:moveFrom")
    lose = ("w:del", "w:moveFrom") if decision == "accept" else ("w:ins", "w:moveTo")
    for tag in ("w:moveFromRangeStart", "w:moveFromRangeEnd", "w:moveToRangeStart", "w:moveToRangeEnd"):
        for element in list(root.iter(qn(tag))):
            drop(element)
    # Paragraph marks first: a lost mark merges its paragraph into the next.
    for paragraph in list(root.iter(W_P)):
        for tag in keep:
            marker = mark_revision(paragraph, tag)
            if marker is not None:
                drop(marker)
        lost = [mark_revision(paragraph, tag) for tag in lose]
        lost = [m for m in lost if m is not None]
        if not lost:
            continue
        for marker in lost:
            drop(marker)
        following = paragraph.getnext()
        while following is not None and following.tag != W_P:
            following = following.getnext()
        if following is None:
            # Word keeps the last paragraph mark; its content is gone with the revision.
            if not "".join(paragraph.itertext()).strip():
                drop(paragraph)
            continue
        content = [child for child in paragraph if child.tag != qn("w:pPr")]
        anchor = following.find(qn("w:pPr"))
        index = 0 if anchor is None else following.index(anchor) + 1
        for child in content:
            following.insert(index, child)
            index += 1
        drop(paragraph)
    for tag in lose:
        for element in list(root.iter(qn(tag))):
            if element.getparent() is not None:
                drop(element)
    for tag in keep:
        for element in list(root.iter(qn(tag))):
            unwrap(element)
    for element in list(root.iter(qn("w:delText"))):
        element.tag = qn("w:t")
    for element in list(root.iter(qn("w:delInstrText"))):
        element.tag = qn("w:instrText")


def update_sequences(root):
    """Gives each SEQ field the next number of its series, in document order."""
    counters = {}
    series = None
    in_result = False
    for element in root.iter(qn("w:instrText"), qn("w:fldChar"), qn("w:t")):
        if element.tag == qn("w:instrText"):
            words = (element.text or "").split()
            if len(words) > 1 and words[0] == "SEQ":
                series = words[1]
        elif element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "separate" and series is not None:
                counters[series] = counters.get(series, 0) + 1
                in_result = True
            elif kind == "end":
                series = None
                in_result = False
        elif in_result:
            element.text = str(counters[series])
            in_result = False


def main():
    source, decision, target = sys.argv[1], sys.argv[2], sys.argv[3]
    document = docx.Document(source)
    settle(document.element, decision)
    update_sequences(document.element)
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            footnotes = rel.target_part
            root = etree.fromstring(footnotes.blob)
            settle(root, decision)
            footnotes._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    document.save(target)


if __name__ == "__main__":
    main()
