"""Regenerate the bundled sample files of contentcheck.

    python samples/make_samples.py

Writes, next to this script:

* contentkalender.xlsx   - the content calendar of a fictional Dutch supermarket chain
* contentkalender.csv    - the same posts as a Dutch Excel "CSV (puntkomma)" export
* crisis-treinongeluk.txt - the crisis terms of a (fictional) train accident
* hootsuite-bulk.csv     - a Hootsuite bulk-composer upload file

Deterministic: no clock, no randomness. The .xlsx is re-zipped with fixed timestamps, so
running it twice gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent
BRAND = "Korenaar Supermarkten"
HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Link", "Afbeelding (alt-tekst)",
          "Eerste reactie", "Status", "Eigenaar", "Campagne"]
# The README scans with --now 2026-11-24T08:00 and a 7-day window (Europe/Amsterdam).
WINDOW = (datetime(2026, 11, 24, 8, 0), datetime(2026, 12, 1, 8, 0))
FIXED_STAMP = (2026, 11, 23, 9, 0, 0)  # zip entry times and document properties of the .xlsx


@dataclass
class Post:
    when: str            # "2026-11-24 09:30", "2026-11-26" (no time) or "n.t.b." (unreadable)
    kanaal: str
    bericht: str
    hashtags: str = ""
    link: str = ""
    alt: str = ""
    reactie: str = ""
    status: str = "Gepland"
    eigenaar: str = ""
    campagne: str = ""
    # How the date/time is written in the workbook (real teams mix these):
    #   November sheet: "cell" = date cell + time cell; "h:mm" / "hh.mm" = date cell + text time
    #   December sheet: "d-m-yyyy" / "dd-mm-yyyy" / "d/m/yyyy" = text date + text time "09:30";
    #                   "datetime" = one datetime cell, Tijd left empty
    stijl: str = "cell"
    planted: str = ""    # what the post demonstrates (printed by this script, listed in README)
    blank_after: bool = False

    @property
    def moment(self) -> datetime | None:
        if self.when == "n.t.b.":
            return None
        if len(self.when) == 10:
            return datetime.strptime(self.when, "%Y-%m-%d")
        return datetime.strptime(self.when, "%Y-%m-%d %H:%M")

    @property
    def has_time(self) -> bool:
        return len(self.when) > 10


KALENDER = "https://www.korenaar.nl/kerstmarkt"

POSTS = [
    # ----- week 47: already published -----
    Post("2026-11-16 09:00", "Instagram",
         "Ze zijn er weer: onze kerstpakketten! 🎁 Van klein bedankje tot XL-pakket voor het "
         "hele team. Welke is jouw favoriet?",
         "#kerstpakket #kerst2026", "https://www.korenaar.nl/kerstpakketten",
         "Drie kerstpakketten met een rode strik op een houten tafel",
         "Bestellen kan t/m 18 december 👉 link in bio", "Gepubliceerd", "Fleur", "Kerstpakketten"),
    Post("2026-11-16 12:00", "LinkedIn",
         "This year, 2,400 colleagues in 118 stores are helping to fill more than 30,000 Christmas "
         "boxes for local food banks. Proud of our teams! 💚",
         "#KorenaarCares #foodbank", "https://www.korenaar.nl/over-ons/voedselbank",
         "Store colleagues packing boxes for the food bank", "", "Gepubliceerd", "Priya",
         "Werken bij", stijl="h:mm"),
    Post("2026-11-17 18:30", "Facebook",
         "Recept van de week: romige pompoensoep met geroosterde pitten 🎃 Klaar in 25 minuten, "
         "en de kinderen eten 'm ook!",
         "#recept #soep #weekmenu", "https://www.korenaar.nl/recepten/pompoensoep",
         "Kom pompoensoep met pitten en een scheut room",
         "Tip: maak een dubbele portie en vries de helft in.", "Gepubliceerd", "Mehmet", "Recepten"),
    Post("2026-11-18 08:00", "X",
         "Goedemorgen! Vandaag in alle winkels: verse stroopwafels van de bakker, 2e zak halve "
         "prijs ☕", "#stroopwafel", "https://www.korenaar.nl/aanbiedingen", "", "",
         "Gepubliceerd", "Joris", "Aanbiedingen", stijl="hh.mm"),
    Post("2026-11-18 20:00", "instagram",
         "Kerstmarkt in de grotten van Valkenburg: ooit geweest? 🕯️ Tag iemand met wie je wilt gaan!",
         "#kerstmarkt #Valkenburg #dagje uit", "",
         "Kerstkraampjes met kaarslicht in een mergelgrot", "", "Gepubliceerd", "Fleur",
         "Kerstmarkt per trein", stijl="h:mm"),
    Post("2026-11-19 19:00", "TikTok",
         "POV: je probeert de perfecte oliebol te bakken 😅 Deel 1 van onze oliebollen-challenge!",
         "#oliebollen #bakken #fyp", "",
         "Collega met meel op zijn neus naast een pan met oliebollen", "", "Gepubliceerd",
         "Sanne", "Oliebollen"),
    Post("2026-11-20 10:00", "Instagram",
         "Spaaractie gestart! 🎄 Spaar 10 zegels en reis met de trein naar de kerstmarkt in Keulen "
         "of Aken voor maar € 19,95 retour.",
         "#kerstmarkt #MetDeTrein #dagjeuit", KALENDER,
         "De kerstmarkt van Keulen met de Dom op de achtergrond",
         "Zegels krijg je bij elke € 15 aan boodschappen.", "Gepubliceerd", "Fleur",
         "Kerstmarkt per trein", planted="not-shown: train post, already published before 24 Nov"),
    Post("2026-11-20 15:30", "Nieuwsbrief",
         "Deze week in de nieuwsbrief: kerstpakketten, pompoensoep en 5 tips voor een stressvrije "
         "decembermaand.", "", "https://www.korenaar.nl/nieuwsbrief", "", "", "Gepubliceerd",
         "Sanne", "Nieuwsbrief", stijl="h:mm", blank_after=True),
    Post("2026-11-21 11:00", "Facebook",
         "Zaterdag = soepdag! 🍲 Haal vandaag een gratis proeverijtje bij de versafdeling.",
         "#soep #proeverij", "", "", "", "Gepubliceerd", "Mehmet", "Recepten"),
    Post("2026-11-22 20:00", "instagram",
         "Zondagavond, bank, dekentje en een warme chocomel. Meer heb je niet nodig ☕🧣",
         "#zondag #gezellig", "",
         "Mok warme chocolademelk met slagroom naast een gebreide deken", "", "Gepubliceerd",
         "Fleur", "Merk"),
    # ----- week 48: the crisis week -----
    Post("2026-11-23 09:00", "LinkedIn",
         "Vacature: teamleider vers in Gouda. Ben jij iemand die een team laat groeien? "
         "Solliciteer vóór 7 december.",
         "#vacature #werkenbij", "https://werkenbij.korenaar.nl/teamleider-vers-gouda", "", "",
         "Gepubliceerd", "Priya", "Werken bij"),
    Post("2026-11-23 17:00", "Facebook",
         "Sinterklaas is bijna jarig! 🎁 Wij hebben chocoladeletters in álle letters, ook de Q en de X.",
         "#sinterklaas #chocoladeletter", "https://www.korenaar.nl/sinterklaas",
         "Rij chocoladeletters in melk, puur en wit", "", "Gepubliceerd", "Mehmet", "Sinterklaas",
         stijl="hh.mm"),
    Post("2026-11-24 07:30", "X",
         "Nog 3 dagen tot Black Friday. Zet je wekker, want wij doen niet aan half werk 😉",
         "#BlackFriday", "", "", "", "Gepubliceerd", "Joris", "Black Friday",
         planted="not-shown: 07:30, before --now (published)"),
    Post("2026-11-24 09:30", "Instagram",
         "Met de trein naar de kerstmarkt in Aken! 🎄 Nog even sparen en zaterdag stap jij in. "
         "Wie gaat er mee?",
         "#kerstmarkt #Aken #MetDeTrein", KALENDER,
         "Verlichte kraampjes op de kerstmarkt van Aken bij avond",
         "Zegels sparen kan nog t/m 6 december!", "Gepland", "Fleur", "Kerstmarkt per trein",
         planted="pause: 'met de trein' in Bericht (and #MetDeTrein)"),
    Post("2026-11-24 12:00", "Facebook",
         "Zwembad De Houtvaart bestaat 50 jaar en wij trakteren! 🏊 Kom zaterdag naar het "
         "jubileumfeest. Wie maakt het mooiste bommetje? 💦",
         "#bommetje #zwemmen #KorenaarSponsort", "https://www.korenaar.nl/sponsoring",
         "Kind springt met een bommetje in het zwembad", "", "Ingepland", "Sanne", "Sponsoring",
         stijl="h:mm", planted="ok: false friend 'bommetje'"),
    Post("2026-11-24 16:00", "Tiktok",
         "Deel 2 van de oliebollen-challenge: Joris vs. Mehmet 👀 Wie bakt de rondste?",
         "#oliebollen #challenge", "", "", "Stem in de comments! 🍩", "Gepland", "Sanne",
         "Oliebollen"),
    Post("2026-11-24 19:30", "Instagram",
         "Moordend goede oliebollen, vers uit de pan 🤤 Vanaf vandaag bij de broodafdeling in "
         "alle winkels.",
         "#oliebollen #smullen", "https://www.korenaar.nl/oliebollen",
         "Schaal met oliebollen en poedersuiker", "Met of zonder krenten? 👇", "Concept", "Sanne",
         "Oliebollen", stijl="hh.mm", planted="review: 'Moordend'"),
    Post("2026-11-25 08:30", "Facebook",
         "Goedemorgen Moordrecht! ☀️ Vandaag om 10:00 openen we onze nieuwe winkel aan de "
         "Dorpsstraat. De eerste 100 klanten krijgen een gratis appeltaart.",
         "#Moordrecht #nieuwewinkel", "https://www.korenaar.nl/winkels/moordrecht",
         "Nieuwe Korenaar-winkel met ballonnen bij de ingang",
         "Parkeren kan gratis achter de winkel.", "Gepland", "Joris", "Winkelopening Moordrecht",
         planted="ok: false friend 'Moordrecht' (a town)"),
    Post("2026-11-25 10:00", "linkedin",
         "@collega's van team Moordrecht: vandaag is het zover! Bedankt voor alle avonden en "
         "weekenden die jullie erin hebben gestoken. Trots op jullie 💚",
         "#teamwork #Moordrecht", "", "Team Moordrecht met schorten voor de nieuwe winkel", "",
         "Ingepland", "Priya", "Winkelopening Moordrecht", stijl="h:mm",
         planted="ok: text starts with '@' (reports must write it as text)"),
    Post("2026-11-25 13:00", "Instagram",
         "Volgende halte: kerstmarkt! 🚂✨ Nog 3 nachtjes. Wie heeft de zegels al bij elkaar?",
         "#kerstmarkt #aftellen", "", "Kaartje met de route van Utrecht naar Aken", "", "Gepland",
         "Fleur", "Kerstmarkt per trein", planted="pause: only the emoji 🚂"),
    Post("2026-11-25 18:00", "Facebook",
         "Een echte classic voor een koude avond: stamppot boerenkool met rookworst 🥔\n"
         "Het recept van oma, maar dan in 30 minuten.",
         "#recept #stamppot #hollandsepot", "https://www.korenaar.nl/recepten/boerenkool",
         "Bord boerenkoolstamppot met rookworst en jus",
         "Geheim ingrediënt: een scheutje mosterd in de jus 😉", "Gepland", "Mehmet", "Recepten",
         stijl="h:mm", planted="ok: false friend 'classic'; multi-line text"),
    Post("2026-11-26", "nieuwsbrief",
         "Nieuwsbrief week 48: Black Friday-deals, de opening in Moordrecht, stamppotrecepten en "
         "alles over onze spaaractie.", "", "https://www.korenaar.nl/nieuwsbrief", "", "", "",
         "Sanne", "Nieuwsbrief", stijl="h:mm",
         planted="ok: no time (Tijd empty), status empty"),
    Post("2026-11-26 09:00", "Instagram",
         "Dagje Keulen? Zo plan je het perfecte kerstmarkt-uitje: vroeg weg, warme sokken aan en "
         "een lege maag voor de bratwurst 🌭",
         "#kerstmarkt #treinreis #dagjeuit", "https://www.korenaar.nl/kerstmarkt/tips",
         "Kerstkraam met worstjes en glühwein", "", "Ingepland", "Fleur", "Kerstmarkt per trein",
         planted="pause: only the hashtag #treinreis"),
    Post("2026-11-26 12:30", "X",
         "Boodschappenlijstje voor het weekend al klaar? 📝 In de app zet je 'm in 2 tikken in je "
         "mandje.", "#KorenaarApp", "https://www.korenaar.nl/app", "", "", "Gepland", "Joris",
         "App", stijl="hh.mm"),
    Post("2026-11-26 15:00", "LinkedIn",
         "Explosive savings for your team: order 25+ Christmas hampers before 1 December and get "
         "15% off. Perfect for remote teams too, we deliver across the Netherlands.",
         "#ChristmasHampers #B2B", "https://www.korenaar.nl/zakelijk/kerstpakketten",
         "Stack of Christmas hampers in a warehouse", "", "Concept", "Priya", "Kerstpakketten",
         planted="review: 'Explosive' (English)"),
    Post("2026-11-26 20:00", "TikTok",
         "Glühwein, kaneel en lichtjes: zo ruikt december ✨ Neem je bestie mee!",
         "#december #kerstsfeer", "",
         "Twee vriendinnen met glühwein op het perron, wachtend op de trein naar Keulen", "",
         "Gepland", "Sanne", "Kerstmarkt per trein", stijl="h:mm",
         planted="pause: only the alt text (perron, trein)", blank_after=True),
    Post("2026-11-27 07:00", "Instagram",
         "Deze deals slaan in als een bom 💥 Black Friday bij Korenaar: tot 50% korting op koffie, "
         "wijn en kerstpakketten. Alleen vandaag!",
         "#BlackFriday #deals", "https://www.korenaar.nl/blackfriday",
         "Winkelwagen vol producten met rode kortingsstickers", "Op = op, dus wees er snel bij!",
         "Gepland", "Joris", "Black Friday", planted="review: 'slaan in als een bom'"),
    Post("2026-11-27 09:00", "Facebook",
         "Slachtprijzen op alle kerstpakketten! 🎁 Alleen op Black Friday: elk pakket € 10 "
         "goedkoper. Bestel online of haal 'm op in de winkel.",
         "#BlackFriday #kerstpakket", "https://www.korenaar.nl/kerstpakketten",
         "Kerstpakket met wijn, kaas en chocolade", "", "Concept", "Joris", "Black Friday",
         stijl="h:mm", planted="review: 'Slachtprijzen'"),
    Post("2026-11-27 10:30", "Facebook",
         "Download het Spoorboekje voor de kerstmarkten 📖 Alle vertrektijden naar Aken, Keulen en "
         "Düsseldorf op één pagina. Handig voor morgen!",
         "#kerstmarkt #Düsseldorf", "https://www.korenaar.nl/kerstmarkt/spoorboekje",
         "Voorkant van het Spoorboekje met een kerstboom", "", "Ingepland", "Fleur",
         "Kerstmarkt per trein", planted="pause: 'Spoorboekje'"),
    Post("2026-11-27 12:00", "X",
         "- Nieuw: bestel je kerstdiner nu ook via de app en haal het op wanneer het jou uitkomt 🦃",
         "#kerstdiner", "https://www.korenaar.nl/kerstdiner", "", "", "Gepland", "Joris", "App",
         planted="ok: text starts with '-' (reports must write it as text)"),
    Post("2026-11-27 16:30", "Instagram",
         "Last minute: nog 50 treinkaartjes voor de kerstmarkt in Aken op zaterdag! 🎟️",
         "#kerstmarkt #MetDeTrein", KALENDER, "", "", "Geannuleerd", "Fleur",
         "Kerstmarkt per trein", planted="not-shown: train post, cancelled (Geannuleerd)"),
    Post("2026-11-27 19:00", "LinkedIn",
         "Dressed to kill for the Christmas party? Let our party platters do the rest. Order "
         "before 10 December for your team drinks 🥂",
         "#Christmas #teamdrinks", "https://www.korenaar.nl/zakelijk/borrel",
         "Party platter with cheese, olives and sausage", "", "Concept", "Priya", "Kerstpakketten",
         stijl="hh.mm", planted="review: 'Dressed to kill' (English)"),
    Post("2026-11-28 07:30", "Facebook",
         "Vandaag is de grote kerstmarktdag! 🎄 Veel plezier allemaal en deel je mooiste foto "
         "met #KorenaarKerst",
         "#KorenaarKerst #kerstmarkt", KALENDER, "Groep vrienden met mutsen en glühwein",
         "Let op: kom op tijd naar het station, de trein naar Aken vertrekt om 08:12 van spoor 5.",
         "Gepland", "Fleur", "Kerstmarkt per trein", stijl="h:mm",
         planted="pause: only the first comment (station, trein, spoor)"),
    Post("2026-11-28 12:00", "Instagram",
         "Onze vrachtwagens rijden sinds deze maand op HVO100, brandstof gemaakt van restvetten. "
         "Zo stoten we tot 89% minder CO2 uit 🌱",
         "#duurzaam #HVO100", "https://www.korenaar.nl/duurzaamheid",
         "Korenaar-vrachtwagen bij het distributiecentrum", "", "Gepland", "Mehmet",
         "Duurzaamheid", planted="ok: false friend 'brandstof'"),
    Post("2026-11-28 17:00", "TikTok",
         "Wat zit er in onze kerstpakketten? 🎁 Unboxing met Fleur!", "#unboxing #kerstpakket", "",
         "", "", "Concept", "Sanne", "Kerstpakketten", stijl="hh.mm"),
    Post("2026-11-29 11:00", "Facebook",
         "Laat de regen je zondag niet dwarsbomen ☔ Haal de kerstsfeer in huis: onze kerstbomen "
         "staan vanaf vandaag bij alle winkels. Nordmann vanaf € 29,99!\n"
         "Voor elke verkochte kerstboom planten we 2 nieuwe bomen in Drenthe 🌲",
         "#kerstboom #duurzaam", "https://www.korenaar.nl/kerstbomen",
         "Rij Nordmann-kerstbomen voor de winkel", "Bezorgen? Dat kan vanaf € 4,95.", "Gepland",
         "Mehmet", "Kerst", planted="ok: false friends 'dwarsbomen', 'bomen'; multi-line text"),
    Post("2026-11-29 19:00", "X",
         "Zondagavond = surprise-avond 🎨 Heb jij al een idee? Wij hebben knutselpakketten vanaf "
         "€ 3,99.", "#surprise #sinterklaas", "https://www.korenaar.nl/sinterklaas", "", "",
         "Concept", "Joris", "Sinterklaas", stijl="hh.mm"),
    # ----- week 49 (December sheet: text dates, a few datetime cells) -----
    Post("2026-11-30 08:00", "Instagram",
         "Nog 5 nachtjes slapen! 🎁 Welke chocoladeletter komt er in jouw schoen?",
         "#sinterklaas #schoenzetten", "",
         "Kinderschoen met wortel en chocoladeletter bij de open haard", "", "Gepland", "Sanne",
         "Sinterklaas", stijl="dd-mm-yyyy"),
    Post("2026-11-30 12:00", "LinkedIn",
         "Last week we opened our 119th store, in Moordrecht. Thanks to all suppliers and "
         "colleagues who made it happen, and to the 1,200 neighbours who came by on day one! 👏",
         "#retail #Korenaar", "https://www.korenaar.nl/winkels/moordrecht",
         "Ribbon cutting at the new store", "", "Gepland", "Priya", "Winkelopening Moordrecht",
         stijl="datetime", planted="ok: English, 'Moordrecht'; full datetime cell"),
    Post("2026-11-30 17:30", "Facebook",
         "Vegetarische kerstkrans met spinazie en feta 🌿 Makkelijk voor te bereiden, dus jij hebt "
         "tijd voor je gasten.",
         "#recept #kerstdiner #vegetarisch", "https://www.korenaar.nl/recepten/kerstkrans",
         "Bladerdeegkrans met spinazie en feta op een houten plank", "Ook lekker met geitenkaas!",
         "Ingepland", "Mehmet", "Recepten", stijl="dd-mm-yyyy"),
    Post("2026-11-30 20:00", "Nieuwsbrief",
         "Nieuwsbrief: 5 cadeau-ideeën onder de € 10, de lekkerste kerstkransen en een kijkje "
         "achter de schermen bij onze bakkers.", "", "https://www.korenaar.nl/nieuwsbrief", "", "",
         "Concept", "Sanne", "Nieuwsbrief", stijl="dd-mm-yyyy"),
    Post("2026-12-01 07:30", "Instagram",
         "December! 🎄 Vanaf vandaag elke dag een nieuwe deal in onze adventskalender. Dag 1: "
         "crème brûlée voor € 2,49.",
         "#adventskalender #december", "https://www.korenaar.nl/advent",
         "Adventskalender met 24 genummerde deurtjes", "", "Gepland", "Fleur", "Adventskalender",
         stijl="d-m-yyyy", planted="ok: last post inside the window (07:30)"),
    Post("2026-12-01 12:00", "x",
         "Dag 1 van de adventskalender is binnen! Wie heeft 'm al gescoord? 🙌", "#adventskalender",
         "https://www.korenaar.nl/advent", "", "", "Gepland", "Joris", "Adventskalender",
         stijl="d-m-yyyy"),
    Post("2026-12-02 09:00", "TikTok",
         "Surprise maken in 60 seconden 🎨 Deze keer: een giraffe van lege wc-rollen!",
         "#surprise #sinterklaas #DIY", "", "Giraffe van karton en wc-rollen", "", "Concept",
         "Sanne", "Sinterklaas", stijl="d-m-yyyy"),
    Post("2026-12-02 12:00", "Facebook",
         "WINACTIE 🎁 Win een kerstpakket t.w.v. € 75! Like en deel dit bericht en tag een collega "
         "die het verdient.", "#winactie #kerstpakket", "", "", "", "Geannuleerd", "Fleur",
         "Kerstpakketten", stijl="d-m-yyyy", planted="not-shown: cancelled, outside window"),
    Post("2026-12-02 19:00", "Facebook",
         "Pakjesavond komt eraan! Vergeet de pepernoten niet 😉 Kruidnoten, schuimpjes en "
         "taaitaai: 3 halen, 2 betalen.", "#pepernoten #sinterklaas",
         "https://www.korenaar.nl/sinterklaas", "", "", "Gepland", "Mehmet", "Sinterklaas",
         stijl="datetime"),
    Post("2026-12-03 10:00", "Instagram",
         "Ilse van @kookmetilse maakte een kerstboom van bladerdeeg 🎄 Swipe voor het stappenplan!",
         "#kerstrecept #bladerdeeg", "https://www.korenaar.nl/recepten/bladerdeeg-kerstboom",
         "Kerstboom van bladerdeeg met pesto op een bakplaat", "", "Ingepland", "Fleur", "Recepten",
         stijl="d/m/yyyy"),
    Post("2026-12-03 14:00", "LinkedIn",
         "Wij zoeken 40 extra collega's voor de kerstdrukte! Vakkenvullers, kassamedewerkers en "
         "bezorgers: kom je gezellig bij ons werken?", "#vacature #kerstbaan",
         "https://werkenbij.korenaar.nl/kerst", "", "", "Gepland", "Priya", "Werken bij",
         stijl="d/m/yyyy"),
    Post("2026-12-04 11:00", "Facebook",
         "Vanavond schoen zetten? 👞 Vergeet de wortel voor Ozosnel niet 🥕",
         "#sinterklaas #schoenzetten", "", "", "", "Gepland", "Sanne", "Sinterklaas",
         stijl="d-m-yyyy"),
    Post("2026-12-05 09:30", "Instagram",
         "Heerlijk avondje is gekomen! 🎁 Fijne pakjesavond namens alle collega's van Korenaar.",
         "#pakjesavond #sinterklaas", "", "Gezin rond een tafel vol cadeautjes", "", "Gepland",
         "Fleur", "Sinterklaas", stijl="datetime"),
    Post("2026-12-06 12:00", "Tiktok",
         "Sinterklaas is weer vertrokken, dus... mogen de kerstlichtjes nu aan? 🎄✨",
         "#kerst #kerstlichtjes", "", "", "", "Concept", "Sanne", "Kerst", stijl="d-m-yyyy"),
    # ----- week 50 -----
    Post("2026-12-07 09:00", "LinkedIn",
         "We're hiring: Data Analyst (Dutch not required). Help us cut food waste across 119 "
         "stores. Hybrid, based in Utrecht.", "#hiring #datajobs #foodwaste",
         "https://werkenbij.korenaar.nl/data-analyst", "", "", "Gepland", "Priya", "Werken bij",
         stijl="d-m-yyyy"),
    Post("2026-12-08 10:00", "Instagram",
         "Tweede ronde! 🎄 Met de intercity naar de kerstmarkt in Keulen op zaterdag 12 december. "
         "Zegels sparen kan nog t/m 6 december.", "#kerstmarkt #Keulen #MetDeTrein", KALENDER,
         "De Dom van Keulen met kerstverlichting", "", "Gepland", "Fleur", "Kerstmarkt per trein",
         stijl="datetime", planted="pause, but outside the 7-day window (8 Dec)"),
    Post("2026-12-09 18:00", "Facebook",
         "Kerstdiner-stress? Wij helpen je: bestel vóór 18 december je complete diner en haal het "
         "op 24 december 🍽️", "#kerstdiner", "https://www.korenaar.nl/kerstdiner", "", "",
         "Gepland", "Mehmet", "Kerstdiner", stijl="d-m-yyyy"),
    Post("2026-12-10 12:00", "X",
         "Welke wijn past bij hertenstoof? Sommelier Eline helpt je op weg 🍷", "#kerstdiner #wijn",
         "https://www.korenaar.nl/wijnadvies", "", "", "Concept", "Joris", "Kerstdiner",
         stijl="d-m-yyyy"),
    Post("2026-12-10 19:00", "Instagram",
         "Welke kerstfilm kijk jij dit weekend? 🎬 Wij gaan voor Home Alone met een grote bak "
         "popcorn.", "#kerstfilm #weekend", "", "", "", "Gepland", "Fleur", "Merk",
         stijl="d-m-yyyy"),
    Post("2026-12-11 15:00", "Instagram",
         "Kerstkoekjes bakken met de kids 🍪 Print onze gratis kleurplaat met uitsteekvormen!",
         "#kerstkoekjes #bakken", "https://www.korenaar.nl/kleurplaat",
         "Kinderhanden met deeg en stervormige uitsteekvormpjes", "", "Concept", "Sanne",
         "Recepten", stijl="d/m/yyyy"),
    Post("2026-12-12 10:00", "nieuwsbrief",
         "Kerstnieuwsbrief: het complete kerstmenu, onze openingstijden tijdens de feestdagen en "
         "een kortingscode voor je kerstdiner.", "", "https://www.korenaar.nl/nieuwsbrief", "", "",
         "", "Sanne", "Nieuwsbrief", stijl="datetime"),
    Post("2026-12-13 11:00", "Facebook",
         "Laatste kans: kerstpakketten bestellen met bezorging vóór kerst kan nog tot 18 december! 🎁",
         "#kerstpakket", "https://www.korenaar.nl/kerstpakketten", "", "", "Gepland", "Fleur",
         "Kerstpakketten", stijl="d-m-yyyy", blank_after=True),
    Post("n.t.b.", "Instagram",
         "Behind the scenes bij onze bakkerij in Zwolle 🥐 Om 4 uur 's nachts begint hier de dag.",
         "#bakkerij #behindthescenes", "", "Bakker haalt broden uit de oven", "", "Concept",
         "Sanne", "Merk", stijl="d-m-yyyy",
         planted="warning: unreadable date 'n.t.b.' (reported, not dropped)"),
]

INSTRUCTIES = [
    "Zo gebruik je deze contentkalender",
    "",
    "Elk bericht staat op het tabblad van de maand waarin het live gaat, onder de juiste week.",
    "Vul altijd de datum, de tijd, het kanaal en de status in. Twijfel je over de datum? "
    "Zet dan n.t.b. en bespreek het in het weekoverleg op maandag.",
    "Statussen: Concept = nog in de maak, Gepland = klaar voor review, Ingepland = staat klaar in "
    "Hootsuite, Gepubliceerd = live, Geannuleerd = gaat niet door (laat de regel staan).",
    "Alt-tekst is verplicht bij elke afbeelding: beschrijf wat er te zien is, niet wat je wilt "
    "verkopen.",
    "Bij een calamiteit plannen we niets meer in tot webcare groen licht geeft. Check dan de hele "
    "kalender met contentcheck en de crisislijst van de dag.",
    "",
    "Vragen? Sanne de Vries (teamlead social) of het kanaal #team-social.",
]

KANALEN = [
    ("Kanaal", "Account", "Beheerder", "Max. tekens", "Beste tijd"),
    ("Instagram", "@korenaar", "Fleur", 2200, "12:00 en 19:30"),
    ("Facebook", "Korenaar Supermarkten", "Mehmet", 63206, "9:00 en 18:00"),
    ("LinkedIn", "Korenaar Supermarkten B.V.", "Priya", 3000, "8:30 op werkdagen"),
    ("X", "@korenaar_nl", "Joris", 280, "8:00 en 12:30"),
    ("TikTok", "@korenaar", "Sanne", 2200, "19:00-21:00"),
    ("Nieuwsbrief", "Korenaar Kompas", "Sanne", None, "donderdag"),
]


def sheet_of(post: Post) -> str:
    moment = post.moment
    return "November" if moment and moment < datetime(2026, 11, 30) else "December"


def excel_cells(post: Post) -> tuple[object, object]:
    """The Datum and Tijd cell values as the team typed them."""
    moment = post.moment
    if moment is None:
        return post.when, ""
    hhmm = moment.strftime("%H:%M") if post.has_time else ""
    if post.stijl == "datetime":
        return moment, ""
    if post.stijl in ("cell", "h:mm", "hh.mm"):
        if not post.has_time:
            tijd: object = ""
        elif post.stijl == "cell":
            tijd = moment.time()
        elif post.stijl == "h:mm":
            tijd = f"{moment.hour}:{moment.minute:02d}"
        else:
            tijd = f"{moment.hour:02d}.{moment.minute:02d}"
        return moment.date(), tijd
    text = {"d-m-yyyy": f"{moment.day}-{moment.month}-{moment.year}",
            "dd-mm-yyyy": moment.strftime("%d-%m-%Y"),
            "d/m/yyyy": f"{moment.day}/{moment.month}/{moment.year}"}[post.stijl]
    return text, hhmm


def week_of(post: Post) -> int | None:
    return post.moment.isocalendar()[1] if post.moment else None


def write_calendar_sheet(ws, title: str, posts: list[Post], placed: dict[int, tuple[str, int]]):
    ws.append([f"Contentkalender Q4 2026 — {BRAND}"])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append([f"{title} 2026 · afdeling Online · wijzigingen graag via Sanne"])
    ws["A2"].font = Font(italic=True, color="666666")
    ws.append([])
    ws.append(HEADER)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="2E7D32")
    current_week = None
    for post in posts:
        week = week_of(post)
        if week is not None and week != current_week:
            if current_week is not None:
                ws.append([])
            ws.append([f"Week {week}"])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            ws.cell(ws.max_row, 1).fill = PatternFill("solid", fgColor="E8F5E9")
            current_week = week
        datum, tijd = excel_cells(post)
        ws.append([datum, tijd, post.kanaal, post.bericht, post.hashtags, post.link, post.alt,
                   post.reactie, post.status, post.eigenaar, post.campagne])
        row = ws.max_row
        placed[id(post)] = (ws.title, row)
        if isinstance(datum, datetime):
            ws.cell(row, 1).number_format = "dd-mm-yyyy hh:mm"
        elif isinstance(datum, date):
            ws.cell(row, 1).number_format = "dd-mm-yyyy"
        if isinstance(tijd, time):
            ws.cell(row, 2).number_format = "hh:mm"
        for col in (4, 7, 8):
            ws.cell(row, col).alignment = Alignment(wrap_text=True, vertical="top")
        if post.blank_after:
            ws.append([])
    widths = [12, 8, 12, 60, 30, 38, 40, 40, 13, 10, 24]
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.auto_filter.ref = f"A{header_row}:K{ws.max_row}"
    status = DataValidation(type="list", allow_blank=True,
                            formula1='"Concept,Gepland,Ingepland,Gepubliceerd,Geannuleerd"')
    status.add(f"I{header_row + 1}:I500")
    ws.add_data_validation(status)


def save_deterministic(wb: Workbook, path: Path) -> None:
    """openpyxl stamps 'now' into docProps/core.xml and the zip entries; pin both."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = "2026-11-23T09:00:00Z"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + stamp.encode(), data)
            pinned = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            target.writestr(pinned, data)


def write_workbook(path: Path) -> dict[int, tuple[str, int]]:
    wb = Workbook()
    intro = wb.active
    intro.title = "Instructies"
    for line in INSTRUCTIES:
        intro.append([line])
    intro["A1"].font = Font(size=14, bold=True)
    intro.column_dimensions["A"].width = 110
    placed: dict[int, tuple[str, int]] = {}
    for title in ("November", "December"):
        ws = wb.create_sheet(title)
        write_calendar_sheet(ws, title, [p for p in POSTS if sheet_of(p) == title], placed)
    kanalen = wb.create_sheet("Kanalen")
    for row in KANALEN:
        kanalen.append(list(row))
    for cell in kanalen[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (14, 28, 12, 12, 20)):
        kanalen.column_dimensions[column].width = width
    wb.properties.creator = "Sanne de Vries"
    wb.properties.title = f"Contentkalender Q4 2026 — {BRAND}"
    save_deterministic(wb, path)
    return placed


# Emoji are not in Windows-1252, so a real Excel export turns them into '?'. In our CSV copy
# we replace the train emoji by a word (so the planted 🚂 post still pauses in the CSV too)
# and drop every other character that cp1252 cannot encode (other emoji, variation selectors).
CP1252_REPLACEMENTS = {"🚂": "(trein)", "🚆": "(trein)"}


def to_cp1252_text(text: str) -> str:
    out = []
    for char in text:
        if char in CP1252_REPLACEMENTS:
            out.append(CP1252_REPLACEMENTS[char])
            continue
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            continue
        out.append(char)
    cleaned = re.sub(r"[ \t]{2,}", " ", "".join(out))
    cleaned = re.sub(r" +([!?.,:])", r"\1", cleaned)
    return "\n".join(line.rstrip() for line in cleaned.split("\n"))


def write_excel_csv(path: Path) -> None:
    """Dutch Excel 'CSV (puntkomma)': ';', Windows-1252, CRLF, header first, text dates."""
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for title in ("November", "December"):
            for post in (p for p in POSTS if sheet_of(p) == title):
                moment = post.moment
                datum = moment.strftime("%d-%m-%Y") if moment else post.when
                tijd = moment.strftime("%H:%M") if moment and post.has_time else ""
                fields = [post.kanaal, post.bericht, post.hashtags, post.link, post.alt,
                          post.reactie, post.status, post.eigenaar, post.campagne]
                # Excel writes the line breaks inside a cell as LF within a quoted field.
                writer.writerow([datum, tijd] + [to_cp1252_text(f) for f in fields])


CRISIS_TERMS = """\
# Crisis: treinongeluk bij Houten (ontsporing intercity Utrecht - 's-Hertogenbosch),
# gestart 24-11-2026 07:15. Eigenaar: webcare (Sanne de Vries), herzien elke ochtend om 09:00.
#
# Elke term hieronder pauzeert een bericht, in ieder veld: tekst, hashtags, link, alt-tekst
# en eerste reactie. Liever een bericht te veel op pauze dan een te weinig.
#
# Syntax: een term per regel; # begint commentaar (aan het begin van een regel of na een spatie);
# "aanhalingstekens" = exacte woordgroep; een los woord vindt ook meervouden en samenstellingen
# (trein: treinen, treinreis, kersttrein); woord* = alleen woorden die zo beginnen.

# Het ongeluk zelf
treinongeluk
ontsporing
ontspoor*

# Trein, spoor en station: ook treinreis, kersttrein, spoorboekje, stationsplein
trein
spoor
station
"met de trein"
perron
intercity
conducteur
machinist
NS              # Nederlandse Spoorwegen
ProRail

# Engelstalige berichten (LinkedIn)
train
trains
railway
"by train"

# Emoji
🚂
🚆
🚄
🚉
"""

HOOTSUITE = [
    # (dd/mm/yyyy HH:MM, message, link) - Hootsuite wants minutes in steps of 5
    ("24/11/2026 10:15", "Nieuw in het schap: kerststol-bites 🎄 Klein, zacht en met een hart van "
     "amandelspijs. Vanaf € 2,99!", "https://www.korenaar.nl/kerststol"),
    ("24/11/2026 18:30", "Wat eet jij vanavond? Wij hebben 10 snelle recepten voor doordeweeks, "
     "allemaal klaar in 20 minuten 🍝", "https://www.korenaar.nl/recepten/snel"),
    ("25/11/2026 12:00", "Trots op ons team in Moordrecht! Vandaag gaan de deuren open 🎉", ""),
    ("26/11/2026 08:45", "Met de trein naar de kerstmarkt? Dit weekend rijden er extra "
     "treinen naar Aken. Check je vertrektijd!", "https://www.korenaar.nl/kerstmarkt"),
    ("26/11/2026 19:00", "Hoe maak jij je gourmetschotel? Wij zeggen: \"hoe meer sausjes, hoe "
     "beter\" 😋", ""),
    ("27/11/2026 06:30", "Het is zover: Black Friday! Tot 50% korting op koffie, wijn en meer.",
     "https://www.korenaar.nl/blackfriday"),
    ("28/11/2026 10:00", "Zaterdagochtend = versgebakken croissants 🥐 Op = op!", ""),
    ("29/11/2026 16:00", "Eerste advent: tijd voor kaarsjes, speculaas en een goed boek 🕯️",
     "https://www.korenaar.nl/advent"),
    ("30/11/2026 09:00", "Sinterklaas-tip: laat de kinderen zelf hun chocoladeletter kiezen in "
     "de winkel. Gegarandeerd een glimlach!", ""),
    ("30/11/2026 20:00", "Morgen start onze adventskalender: 24 dagen, 24 deals. Zet je "
     "meldingen aan!", "https://www.korenaar.nl/advent"),
]


def write_hootsuite(path: Path) -> None:
    """Hootsuite bulk composer: no header, UTF-8, comma, day-first date-time, message, link."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for when, message, link in HOOTSUITE:
            writer.writerow([when, message, link])


def main() -> None:
    placed = write_workbook(HERE / "contentkalender.xlsx")
    write_excel_csv(HERE / "contentkalender.csv")
    (HERE / "crisis-treinongeluk.txt").write_text(CRISIS_TERMS, encoding="utf-8", newline="\n")
    write_hootsuite(HERE / "hootsuite-bulk.csv")

    start, end = WINDOW
    in_window = [p for p in POSTS if p.moment and start <= p.moment < end]
    shown = [p for p in in_window if p.status != "Geannuleerd"]
    print(f"{len(POSTS)} posts; {len(in_window)} dated in {start:%Y-%m-%d %H:%M} -> "
          f"{end:%Y-%m-%d %H:%M} ({len(shown)} not cancelled)")
    for post in POSTS:
        if post.planted:
            sheet, row = placed[id(post)]
            print(f"  {sheet}!{row}: {post.planted}")


if __name__ == "__main__":
    main()
