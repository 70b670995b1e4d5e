"""The words the generated workforce is made of: names, teams, job titles and the text of their records.
All invented; the reflective text is written as a practitioner would, in person-first language."""

FIRST_NAMES = (
    "Aileen Ailsa Alasdair Amir Anna Ben Callum Catriona Chloe Craig Daniel Eilidh Emma Euan Fatima Fergus "
    "Fiona Gavin Grace Hamish Hannah Heather Iain Isla Jamie Jenna Joe Kirsty Lewis Lorna Lucy Malcolm "
    "Mhairi Michael Mohammed Morven Neil Niamh Olivia Paul Rachel Rhona Rory Ross Ruth Sadia Sarah Scott "
    "Shona Stuart Tariq Thomas Una Yusuf Zoe"
).split()
LAST_NAMES = (
    "Anderson Baird Bell Brown Cameron Campbell Clark Craig Docherty Duncan Ferguson Fraser Gillespie Gordon "
    "Graham Hamilton Henderson Hughes Hussain Jamieson Johnston Kelly Kerr Khan MacDonald MacKenzie MacLeod "
    "Martin McGregor McIntyre McLean Millar Mitchell Morrison Muir Murray Paterson Ross Scott Simpson "
    "Sinclair Smith Stewart Sutherland Taylor Thomson Walker Wallace Watson White Wilson Young"
).split()

# (team name, the job titles its practitioners hold, the supervisor's title)
TEAMS = [
    (
        "Community Addictions Team",
        ["Recovery worker", "Community psychiatric nurse", "Addictions nurse"],
        "Team leader",
    ),
    ("Family Support Team", ["Family support worker", "Social worker"], "Senior practitioner"),
    ("Recovery Hub", ["Peer recovery worker", "Recovery worker"], "Hub coordinator"),
    ("Children and Families Social Work", ["Social worker", "Social work assistant"], "Team manager"),
    ("Justice Social Work", ["Justice social worker", "Social work assistant"], "Team manager"),
    ("Health Visiting", ["Health visitor", "Community staff nurse"], "Team leader"),
    ("Housing Support", ["Housing support officer"], "Service coordinator"),
    ("Outreach", ["Outreach worker", "Peer recovery worker"], "Service manager"),
]

REFLECTION_STAGES = {
    "description": (
        "At a home visit a parent I support mentioned that their partner had been worried about their "
        "drinking and wanted to come to appointments. I asked what they thought about that and we agreed "
        "to invite the partner to the next review."
    ),
    "feelings": (
        "I felt unsure at first whether involving the partner would help or make the parent feel watched. "
        "Afterwards I felt the conversation had been honest and respectful."
    ),
    "evaluation": (
        "Asking the parent first, and making it their choice, went well. I could have explained the limits "
        "of confidentiality more clearly at the start."
    ),
    "analysis": (
        "The module's point that families have needs in their own right helped me see the partner as someone "
        "who might need support too, not only as a source of information."
    ),
    "conclusion": (
        "Offering the family member support of their own, and signposting to a family support service, would "
        "have been worth doing at the first visit."
    ),
    "action_plan": (
        "I will ask every person I support who matters to them and whether they would like them involved, "
        "and I will discuss this with my supervisor at our next session."
    ),
}

SESSION_SUMMARIES = [
    "Caseload review and wellbeing check. Discussed involving family members in care plans.",
    "Reflective discussion of a recent home visit; agreed to look again at the family's support network.",
    "Discussed a complex case with a child protection concern; agreed next steps with the team manager.",
    "Training plan reviewed: required modules due this quarter; protected time agreed for learning.",
]
