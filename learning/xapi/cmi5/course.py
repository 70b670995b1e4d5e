"""cmi5.xml, the course structure of a module's cmi5 package (CMI5-002, CourseStructure.xsd v1).

The module is the course and one assignable unit (AU): its lessons, then its quiz. The AU moves the learner
on when it is completed (every lesson read) and, when the module asks for its quiz to be passed, passed at
the quiz's pass mark (the masteryScore the importing LMS hands to the AU).
"""

from decimal import Decimal
from xml.etree import ElementTree as ET  # builds XML, never parses it

from ..facts import page_activity_id

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
AU_URL = "au/index.html"


def _text(parent, tag, text):
    element = ET.SubElement(parent, f"{{{NS}}}{tag}")
    ET.SubElement(element, f"{{{NS}}}langstring", lang="en-GB").text = text
    return element


def course_structure(*, module, quiz) -> bytes:
    """The cmi5.xml of `module` (with `quiz`, or None) as UTF-8 bytes."""
    ET.register_namespace("", NS)
    course_id = page_activity_id(module)
    root = ET.Element(f"{{{NS}}}courseStructure")
    course = ET.SubElement(root, f"{{{NS}}}course", id=course_id)
    _text(course, "title", module.title)
    _text(course, "description", module.summary)
    outcomes = [block.value for block in module.learning_outcomes]
    if outcomes:
        objectives = ET.SubElement(root, f"{{{NS}}}objectives")
        for number, outcome in enumerate(outcomes, start=1):
            objective = ET.SubElement(objectives, f"{{{NS}}}objective", id=f"{course_id}#outcome-{number}")
            _text(objective, "title", outcome)
            _text(objective, "description", outcome)
    scored = quiz is not None and module.require_quiz_pass
    attributes = {"id": f"{course_id}#au", "moveOn": "CompletedAndPassed" if scored else "Completed"}
    if scored:
        attributes["masteryScore"] = str(Decimal(quiz.pass_mark) / 100)
    au = ET.SubElement(root, f"{{{NS}}}au", **attributes)
    _text(au, "title", module.title)
    _text(au, "description", module.summary)
    if outcomes:
        references = ET.SubElement(au, f"{{{NS}}}objectives")
        for number in range(1, len(outcomes) + 1):
            ET.SubElement(references, f"{{{NS}}}objective", idref=f"{course_id}#outcome-{number}")
    ET.SubElement(au, f"{{{NS}}}url").text = AU_URL
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
