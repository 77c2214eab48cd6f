"""Second, independent reader of an exported .docx (Debian's python3-docx).

Prints JSON: the body paragraphs (style id, text, numbering id and level) and
the document settings a facing-page UN layout needs.
Usage: /usr/bin/python3 read_docx.py FILE.docx
"""
import json
import sys

import docx


def numbering_of(paragraph):
    properties = paragraph._p.pPr
    num = properties.numPr if properties is not None else None
    if num is None or num.numId is None:
        return None
    level = num.ilvl.val if num.ilvl is not None else 0
    return {"numId": num.numId.val, "level": level}


def main(path):
    document = docx.Document(path)
    section = document.sections[0]
    print(json.dumps({
        "paragraphs": [
            {
                "style": paragraph.style.style_id,
                "text": paragraph.text,
                "numbering": numbering_of(paragraph),
            }
            for paragraph in document.paragraphs
        ],
        "evenAndOddHeaders": bool(document.settings.odd_and_even_pages_header_footer),
        "differentFirstPage": bool(section.different_first_page_header_footer),
        "pageWidthTwips": section.page_width.twips,
        "pageHeightTwips": section.page_height.twips,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
