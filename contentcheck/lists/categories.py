"""The categories a word list can belong to, defined once for lists, reports and checks.

They follow the brand-safety categories advertisers already use (GARM's brand safety floor),
plus one that matters most for scheduled posts: violent and disaster metaphors in marketing copy
("slachtprijzen", "killer deals"), which read badly the day the news is bad. ``crisis`` is
reserved for the terms of an active crisis; a word list may not use it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One category: its id as written in term files, labels for reports, and what belongs in it."""

    id: str
    label_nl: str
    label_en: str
    description: str

    def label(self, language: str | None = "en") -> str:
        """The label in the report's language (Dutch for ``nl``, English otherwise)."""
        return self.label_nl if language == "nl" else self.label_en


CRISIS = "crisis"
TONE_DEAF = "tone-deaf"  # a crisis kit's review words (contentcheck.kits); no list uses it

_ALL: tuple[Category, ...] = (
    Category("death-injury", "Dood en letsel", "Death & injury",
             "Dying, killing and bodily harm: dood, omgekomen, slachtoffer, fatal, injured."),
    Category("violence-weapons", "Geweld en wapens", "Violence & weapons",
             "Physical violence and arms: mishandeling, steekpartij, schietpartij, shooting, gun."),
    Category("war-conflict", "Oorlog en militair conflict", "War & military conflict",
             "War, invasion, bombardment and their aftermath: oorlog, invasie, airstrike."),
    Category("terrorism", "Terrorisme", "Terrorism",
             "Attacks, hostages and extremist violence: aanslag, gijzeling, terror attack."),
    Category("disasters-accidents", "Rampen en ongelukken", "Disasters & accidents",
             "Natural disasters, fire and transport accidents: overstroming, aardbeving, "
             "vliegtuigcrash, wildfire, derailment."),
    Category("crime", "Misdaad", "Crime",
             "Serious crime and its victims: ontvoering, verkrachting, kidnapping, abuse."),
    Category("illness-pandemic", "Ziekte en pandemie", "Illness & pandemic",
             "Epidemics and serious illness: pandemie, lockdown, besmetting, outbreak."),
    Category("food-safety", "Voedselveiligheid en terugroepacties", "Food safety & recalls",
             "Contaminated food, food poisoning and product recalls: salmonella, listeria, "
             "terugroepactie, food poisoning, product recall."),
    Category("suicide-self-harm", "Zelfdoding en zelfbeschadiging", "Suicide & self-harm",
             "Suicide and self-harm, where careless wording hurts most: zelfmoord, suicide."),
    Category("hate-discrimination", "Haat en discriminatie", "Hate & discrimination",
             "Slurs and hate symbols; always reviewed, whatever the context."),
    Category("obscenity-profanity", "Obsceniteit en grof taalgebruik", "Obscenity & profanity",
             "Swearing, curses and explicit sexual words that a brand should never publish "
             "by accident."),
    Category("marketing-metaphors", "Geweld- en rampmetaforen in marketing",
             "Violent & disaster metaphors in marketing",
             "Copywriting that borrows from violence or disaster (slachtprijzen, moordend goed, "
             "killer deals, explosive savings): harmless on a normal day, tone-deaf on a bad one."),
    Category(TONE_DEAF, "Ongepast tijdens de crisis", "Tone-deaf during the crisis",
             "A crisis kit's everyday words and marketing phrases that read badly during that "
             "kind of crisis (smullen during a food recall, all aboard after a train accident)."),
    Category(CRISIS, "Crisis", "Crisis",
             "Reserved for the terms of an active crisis; every hit pauses the post."),
)

CATEGORIES: dict[str, Category] = {category.id: category for category in _ALL}

# The categories a word list may use: every one except the reserved crisis category and the
# crisis kits' own.
LIST_CATEGORIES: tuple[str, ...] = tuple(c.id for c in _ALL if c.id not in (CRISIS, TONE_DEAF))


def is_known(category_id: str) -> bool:
    """True for a category id defined here (including the reserved ``crisis``)."""
    return category_id in CATEGORIES


def get(category_id: str) -> Category:
    """The category for an id; a clear ``KeyError`` that names the known ids otherwise."""
    try:
        return CATEGORIES[category_id]
    except KeyError:
        known = ", ".join(LIST_CATEGORIES)
        raise KeyError(f"unknown category {category_id!r} (known: {known})") from None


def label(category_id: str, language: str | None = "en") -> str:
    """A report label for any category id; an unknown (user-made) id is shown as it is."""
    category = CATEGORIES.get(category_id)
    return category.label(language) if category else category_id


def category_word(category_id: str, lang: str) -> str:
    """A category as a reader's report shows it: English keeps the id scripts read (and the
    reasons have always shown), Dutch the Dutch label."""
    return category_id if lang != "nl" else label(category_id, lang)
