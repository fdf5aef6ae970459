"""English given names and the short forms people report under (Bill for William, Liz for
Elizabeth): linking compares the *formal* name, so "Bill Smith" and "William Smith" agree.

Where a short form belongs to several formal names (Alex: Alexander, Alexandra) it maps to
the first listed; both sides of a comparison map the same way, so the choice is harmless.
"""

from __future__ import annotations

# formal name -> the short forms seen in reports
NICKNAMES: dict[str, tuple[str, ...]] = {
    "william": ("bill", "billy", "will", "willy", "liam"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "richard": ("dick", "rich", "richie", "rick", "ricky"),
    "margaret": ("maggie", "meg", "peggy", "marge", "madge"),
    "james": ("jim", "jimmy", "jamie"),
    "john": ("jack", "johnny", "jon"),
    "jonathan": ("jonny", "jonty"),
    "katherine": ("kate", "katie", "kath", "kathy", "kat"),
    "catherine": ("cath", "cathy", "cat"),
    "thomas": ("tom", "tommy"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "michael": ("mike", "mick", "mickey", "micky"),
    "christopher": ("chris", "kit"),
    "christine": ("chrissie", "tina"),
    "anthony": ("tony", "ant"),
    "alexander": ("alex", "sandy", "xander"),
    "alexandra": ("lexi", "sasha"),
    "andrew": ("andy", "drew"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "joseph": ("joe", "joey"),
    "matthew": ("matt", "matty"),
    "nicholas": ("nick", "nicky"),
    "patrick": ("pat", "paddy"),
    "peter": ("pete",),
    "samuel": ("sam", "sammy"),
    "stephen": ("steve", "stevie"),
    "steven": ("stevo",),
    "timothy": ("tim", "timmy"),
    "benjamin": ("ben", "benny"),
    "charles": ("charlie", "chas", "chuck"),
    "frederick": ("fred", "freddie"),
    "henry": ("harry", "hal"),
    "jennifer": ("jen", "jenny"),
    "jessica": ("jess", "jessie"),
    "rebecca": ("becky", "becca"),
    "susan": ("sue", "susie"),
    "victoria": ("vicky", "tori"),
    "deborah": ("debbie", "deb"),
    "patricia": ("patty", "trish", "tricia"),
    "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dotty"),
    "gillian": ("gill", "jill"),
    "helen": ("nell", "nellie"),
    "josephine": ("jo", "josie"),
    "judith": ("judy", "jude"),
    "kimberley": ("kim",),
    "leonard": ("len", "lenny"),
    "lawrence": ("larry", "laurie"),
    "raymond": ("ray",),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donny"),
    "gerald": ("gerry",),
    "geoffrey": ("geoff",),
    "gregory": ("greg",),
    "kenneth": ("ken", "kenny"),
    "philip": ("phil",),
    "terence": ("terry",),
    "vincent": ("vince", "vinny"),
    "abigail": ("abby", "abi"),
    "amanda": ("mandy",),
    "caroline": ("carrie", "caz"),
    "eleanor": ("ellie", "nora"),
    "frances": ("fran", "frankie"),
    "francis": ("frank",),
    "samantha": ("sammie",),
    "zoe": ("zo",),
    "natalie": ("nat",),
    "nathan": ("nate",),
    "oliver": ("ollie", "olly"),
    "joshua": ("josh",),
    "lucy": ("lu",),
    "louise": ("lou",),
    "jacqueline": ("jackie", "jacqui"),
    "stuart": ("stu",),
    "graham": ("gray",),
    "derek": ("del",),
    "albert": ("al", "bert"),
    "arthur": ("art", "artie"),
    "bernard": ("bernie",),
    "leslie": ("les",),
    "maureen": ("mo",),
    "pamela": ("pam",),
    "sandra": ("sandi",),
    "valerie": ("val",),
    "wendy": ("wend",),
}

# short form -> formal name; a formal name maps to itself
FORMAL: dict[str, str] = {}
for _formal, _shorts in NICKNAMES.items():
    FORMAL.setdefault(_formal, _formal)
    for _short in _shorts:
        FORMAL.setdefault(_short, _formal)


def formal_name(given_name: str) -> str:
    """The formal form of a lower-cased given name ("bill" -> "william"), else the name."""
    return FORMAL.get(given_name, given_name)
